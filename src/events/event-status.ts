export enum EventStatus {
  Scheduled = 'scheduled',
  /** Kept, so calendars show it cancelled rather than losing it. */
  Cancelled = 'cancelled',
}
