/** A term's life: planning → reporting → allocating → published → closed, one step at a time. */
export enum TermStatus {
  Planning = 'planning',
  Reporting = 'reporting',
  Allocating = 'allocating',
  Published = 'published',
  Closed = 'closed',
}

const ORDER = [
  TermStatus.Planning,
  TermStatus.Reporting,
  TermStatus.Allocating,
  TermStatus.Published,
  TermStatus.Closed,
];

/** The only status a term may move to from `from`, or null when it is closed. */
export function nextStatus(from: TermStatus): TermStatus | null {
  return ORDER[ORDER.indexOf(from) + 1] ?? null;
}

/** District contacts report offers only while the term is being planned or reported. */
export const OPEN_FOR_REPORTING: readonly TermStatus[] = [TermStatus.Planning, TermStatus.Reporting];

/** Terms in time order, oldest first: VT2026 (spring) before HT2026 (autumn) before VT2027. */
export const byTermCode = (a: { code: string }, b: { code: string }): number =>
  a.code.slice(2).localeCompare(b.code.slice(2)) || b.code.localeCompare(a.code);
