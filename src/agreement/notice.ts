import { DateTime } from 'luxon';

/** A party leaving the cooperation gives notice at least this long before (letter of intent). */
export const NOTICE_MONTHS = 6;

/** The earliest day a party giving notice on `today` may leave. */
export function earliestLeavingDate(today: string): string {
  return DateTime.fromISO(today, { zone: 'utc' }).plus({ months: NOTICE_MONTHS }).toISODate()!;
}

/** Whether a party still belongs to the agreement on `today`. */
export function remainsOn(party: { leavesOn: string | null }, today: string): boolean {
  return party.leavesOn === null || party.leavesOn > today;
}
