import { Field, FIELDS } from '../../fields/fields';

/** Small Swedish phrasing helpers for the catalogue's texts. */

/** "Ali Hassan", "Ali Hassan och Maria Lind", "A, B och C". */
export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} och ${items[items.length - 1]}`;
}

/** The word for a count: `count(1, 'student', 'studenter')` → "1 student", 3 → "3 studenter". */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A wait as a person reads it: under a minute in seconds, else in whole minutes rounded up ("45 sekunder", "14 minuter"). */
export function duration(seconds: number): string {
  return seconds < 60 ? count(seconds, 'sekund', 'sekunder') : count(Math.ceil(seconds / 60), 'minut', 'minuter');
}

/** Singular or plural form alone: `plural(2, 'platsen', 'platserna')` → "platserna". */
export function plural(n: number, one: string, many: string): string {
  return n === 1 ? one : many;
}

/** A field of social work by its Swedish name; an unknown code is quoted as given. */
export function fieldName(code: string): string {
  return FIELDS.find((f) => f.code === (code as Field))?.nameSv ?? `"${code}"`;
}

/** A date (YYYY-MM-DD) as Swedes write it in running text: "15 mars 2027". */
export function date(isoDate: string): string {
  const [year, month, day] = isoDate.slice(0, 10).split('-').map(Number);
  if (!year || !month || !day) return isoDate;
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

const MONTHS = [
  'januari',
  'februari',
  'mars',
  'april',
  'maj',
  'juni',
  'juli',
  'augusti',
  'september',
  'oktober',
  'november',
  'december',
];
