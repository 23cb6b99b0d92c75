import { addDays, endOfStockholmDay, startOfStockholmDay, stockholmDate } from '../common/time/stockholm';
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

export interface RuleViolation {
  field: string;
  message: string;
}

/**
 * The letter of intent's timing rules (DESIGN.md §3): one joint introduction per term, held at
 * the start of the VFU period (on or after the earliest VFU start, within its first 14 days);
 * one workshop a year, over before the autumn term's earliest VFU start. The one-per-term and
 * one-per-year rules need the database and are checked by the service.
 */
export function checkEventRules(input: EventRuleInput): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (input.endsAt <= input.startsAt) violations.push({ field: 'endsAt', message: 'must be after startsAt' });

  if (input.type === EventType.Introduction) {
    if (!input.term) violations.push({ field: 'termCode', message: 'is required for the joint introduction: it belongs to a term' });
    else if (!input.term.earliestStart) violations.push({ field: 'termCode', message: `${input.term.code} has no VFU periods yet` });
    else {
      const first = input.term.earliestStart;
      const last = addDays(first, INTRODUCTION_WINDOW_DAYS - 1);
      if (input.startsAt < startOfStockholmDay(first) || input.startsAt >= endOfStockholmDay(last)) {
        violations.push({
          field: 'startsAt',
          message: `The joint introduction is held at the start of the VFU period: on or after ${first}, the earliest VFU start of ${input.term.code}, and within its first ${INTRODUCTION_WINDOW_DAYS} days (by ${last})`,
        });
      }
    }
  }

  if (input.type === EventType.Workshop) {
    const year = stockholmDate(input.startsAt).slice(0, 4);
    if (!input.autumnTerm?.earliestStart) {
      violations.push({
        field: 'startsAt',
        message: `The workshop is held before the autumn term starts; create HT${year} with its VFU periods first, so its start is known`,
      });
    } else if (input.endsAt > startOfStockholmDay(input.autumnTerm.earliestStart)) {
      violations.push({
        field: 'endsAt',
        message: `The workshop is held before the autumn term starts: it must end before ${input.autumnTerm.earliestStart}, the earliest VFU start of ${input.autumnTerm.code}`,
      });
    }
  }
  return violations;
}
