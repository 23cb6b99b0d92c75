import { FieldProblem, problem } from '../common/errors/error-spec';
import { addDays, endOfStockholmDay, startOfStockholmDay, stockholmDate } from '../common/time/stockholm';
import { EventsErrors } from './events.errors';
import { EventType } from './event-type';

/** Days from the earliest VFU start within which the joint introduction is held. */
export const INTRODUCTION_WINDOW_DAYS = 14;

export interface EventRuleInput {
  type: EventType;
  startsAt: Date;
  endsAt: Date;
  /** The introduction's term, with the earliest VFU start of its periods. */
  term: { code: string; earliestStart: string | null } | null;
  /** For a workshop: that year's autumn term, if it exists, with its earliest VFU start. */
  autumnTerm: { code: string; earliestStart: string | null } | null;
}

/** A broken rule: the field it concerns and the catalogue row that words it. */
export type RuleViolation = FieldProblem;

/**
 * The letter of intent's timing rules (DESIGN.md §3): one joint introduction per term, held at
 * the start of the VFU period (on or after the earliest VFU start, within its first 14 days);
 * one workshop a year, over before the autumn term's earliest VFU start. The one-per-term and
 * one-per-year rules need the database and are checked by the service.
 */
export function checkEventRules(input: EventRuleInput): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (input.endsAt <= input.startsAt) violations.push(problem(EventsErrors.event_ends_before_start, 'endsAt', {}));

  if (input.type === EventType.Introduction) {
    if (!input.term) violations.push(problem(EventsErrors.introduction_needs_term, 'termCode', {}));
    else if (!input.term.earliestStart)
      violations.push(
        problem(EventsErrors.introduction_term_without_periods, 'termCode', { termCode: input.term.code }),
      );
    else {
      const first = input.term.earliestStart;
      const last = addDays(first, INTRODUCTION_WINDOW_DAYS - 1);
      if (input.startsAt < startOfStockholmDay(first) || input.startsAt >= endOfStockholmDay(last)) {
        violations.push(
          problem(EventsErrors.introduction_outside_window, 'startsAt', {
            termCode: input.term.code,
            earliestStart: first,
            days: INTRODUCTION_WINDOW_DAYS,
            lastDay: last,
          }),
        );
      }
    }
  }

  if (input.type === EventType.Workshop) {
    const year = stockholmDate(input.startsAt).slice(0, 4);
    if (!input.autumnTerm?.earliestStart) {
      violations.push(problem(EventsErrors.workshop_needs_autumn_term, 'startsAt', { termCode: `HT${year}` }));
    } else if (input.endsAt > startOfStockholmDay(input.autumnTerm.earliestStart)) {
      violations.push(
        problem(EventsErrors.workshop_after_autumn_start, 'endsAt', {
          termCode: input.autumnTerm.code,
          earliestStart: input.autumnTerm.earliestStart,
        }),
      );
    }
  }
  return violations;
}
