import { EntityManager, In, IsNull, LessThan, Not } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/auth/role';
import { TermPeriod } from './entities/term-period.entity';
import { Term } from './entities/term.entity';
import { TermStatus } from './term-status';

export function termById(manager: EntityManager, id: string): Promise<Term> {
  return manager.findOneByOrFail(Term, { id });
}

/** Null when there is none. */
export function termWithCode(manager: EntityManager, code: string): Promise<Term | null> {
  return manager.findOneBy(Term, { code });
}

export function allTerms(manager: EntityManager): Promise<Term[]> {
  return manager.find(Term);
}

export function termsInStatus(manager: EntityManager, statuses: TermStatus[]): Promise<Term[]> {
  return manager.findBy(Term, { status: In(statuses) });
}

/** The terms with these ids or, without ids, every term not closed; by code. */
export function termsOrOpenTerms(manager: EntityManager, termIds?: string[]): Promise<Term[]> {
  return manager.find(Term, {
    where: termIds ? { id: In(termIds) } : { status: Not(TermStatus.Closed) },
    order: { code: 'ASC' },
  });
}

/** Closed before `before`, with their students' personal data still held. */
export function termsDueForPurge(manager: EntityManager, before: Date): Promise<Term[]> {
  return manager.find(Term, {
    where: { status: TermStatus.Closed, closedAt: LessThan(before), personalDataPurgedAt: IsNull() },
  });
}

export async function markPersonalDataPurged(manager: EntityManager, termId: string, at: Date): Promise<void> {
  await manager.update(Term, { id: termId }, { personalDataPurgedAt: at });
}

/** Audited as a change of the term, in the caller's transaction. */
export async function markTermPublished(
  manager: EntityManager,
  audit: AuditService,
  actor: Actor,
  term: Term,
): Promise<void> {
  await audit.update(manager, actor, Term, 'term', term, { status: TermStatus.Published });
}

export function periodsOfTerm(manager: EntityManager, termId: string): Promise<TermPeriod[]> {
  return manager.findBy(TermPeriod, { termId });
}

/** The first day of the term's earliest VFU period, or null when it has none. */
export async function earliestPeriodStart(manager: EntityManager, termId: string): Promise<string | null> {
  return (
    (await manager.find(TermPeriod, { where: { termId }, order: { startsOn: 'ASC' }, take: 1 }))[0]?.startsOn ?? null
  );
}
