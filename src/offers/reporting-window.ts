import { endOfStockholmDay } from '../common/time/stockholm';
import { OPEN_FOR_REPORTING, TermStatus } from '../terms/term-status';

/**
 * Why district contacts may not change a term's offers at `now`, or null while they may: the term
 * must be planning or reporting, and its deadline day (Stockholm) not over. The one statement of
 * the rule, for the service that enforces it and the pages that show it.
 */
export function reportingClosed(
  term: { status: TermStatus; reportingDeadline: string },
  now: Date,
): 'status' | 'deadline' | null {
  if (!OPEN_FOR_REPORTING.includes(term.status)) return 'status';
  if (now >= endOfStockholmDay(term.reportingDeadline)) return 'deadline';
  return null;
}
