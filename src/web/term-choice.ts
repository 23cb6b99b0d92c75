import { TermResponse } from '../terms/dto/term.response';
import { TermStatus } from '../terms/term-status';

/**
 * The term a page is about: the one asked for (`?termin=HT2026`), else the newest term that is not
 * closed, else the newest. `terms` come newest first (TermsService.list).
 */
export function chooseTerm(terms: readonly TermResponse[], code?: unknown): TermResponse | undefined {
  if (typeof code === 'string' && code) {
    const asked = terms.find((t) => t.code === code);
    if (asked) return asked;
  }
  return terms.find((t) => t.status !== TermStatus.Closed) ?? terms[0];
}
