import { daysBetween } from '../common/time/stockholm';

/** Days before the reporting deadline on which districts that have not reported are reminded. */
export const REMINDER_DAYS = [14, 7, 2] as const;

/**
 * The reminder due on Stockholm date `today` for a deadline, or null. Each is due on its day and,
 * should the worker have been down then, on the day after; its idempotency key (per threshold)
 * keeps it to one message however often this runs.
 */
export function dueReminder(today: string, deadline: string): { threshold: number; daysLeft: number } | null {
  const daysLeft = daysBetween(today, deadline);
  const threshold = REMINDER_DAYS.find((days) => daysLeft <= days && daysLeft >= days - 1);
  return threshold === undefined ? null : { threshold, daysLeft };
}

/** The coordinator's summary is due the morning after the deadline (or the day after that). */
export function summaryDue(today: string, deadline: string): boolean {
  const daysLeft = daysBetween(today, deadline);
  return daysLeft === -1 || daysLeft === -2;
}
