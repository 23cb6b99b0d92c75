export class ReminderResultResponse {
  termCode: string;
  /** Districts whose contact person was sent a reminder now. */
  reminded: string[];
  /** Districts that have not reported and have no contact person to remind. */
  withoutContact: string[];
}
