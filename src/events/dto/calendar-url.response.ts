export class CalendarUrlResponse {
  /** Subscribe to it in a calendar program; keep it secret, it needs no sign-in. */
  url: string;
}
