import { DateTime } from 'luxon';

/** Every date in the service (deadlines, VFU periods) is a calendar date in Stockholm. */
export const STOCKHOLM = 'Europe/Stockholm';

/** The calendar date (`YYYY-MM-DD`) in Stockholm at `instant`. */
export function stockholmDate(instant: Date): string {
  return DateTime.fromJSDate(instant, { zone: STOCKHOLM }).toISODate()!;
}

/** The instant a Stockholm calendar date begins (midnight local time, whatever the DST offset). */
export function startOfStockholmDay(date: string): Date {
  return DateTime.fromISO(date, { zone: STOCKHOLM }).startOf('day').toJSDate();
}

/** The instant a Stockholm calendar date ends: a deadline date still counts in full. */
export function endOfStockholmDay(date: string): Date {
  return DateTime.fromISO(date, { zone: STOCKHOLM }).plus({ days: 1 }).startOf('day').toJSDate();
}

/** Whole days from calendar date `from` to calendar date `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round(DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'days').days);
}

/** A date shown to Swedish readers, e.g. "15 september 2026". */
export function swedishDate(date: string): string {
  return DateTime.fromISO(date, { zone: STOCKHOLM }).setLocale('sv').toFormat('d MMMM yyyy');
}

/** A time span for Swedish readers, e.g. "måndag 31 augusti 2026 kl. 09.00–12.00". */
export function swedishTimeSpan(start: Date, end: Date): string {
  const from = DateTime.fromJSDate(start, { zone: STOCKHOLM }).setLocale('sv');
  const to = DateTime.fromJSDate(end, { zone: STOCKHOLM }).setLocale('sv');
  const day = from.toFormat("cccc d MMMM yyyy 'kl.' HH.mm");
  return from.hasSame(to, 'day')
    ? `${day}–${to.toFormat('HH.mm')}`
    : `${day} – ${to.toFormat("cccc d MMMM yyyy 'kl.' HH.mm")}`;
}

/** The calendar date `days` after `date`. */
export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate()!;
}
