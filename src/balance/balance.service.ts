import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { placedPerUniversity } from '../assignments/assignments.queries';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../common/auth/role';
import { AppError } from '../common/errors/app-error';
import { demandsOfTerm } from '../demand/demand.queries';
import { ReadCache } from '../database/read-cache';
import { districtsByName } from '../districts/districts.queries';
import { offerTotalsOfTerm } from '../offers/offers.queries';
import { trainingOfSupervisorsOnOffersOf } from '../supervisors/supervisors.queries';
import type { Term } from '../terms/entities/term.entity';
import { TermsService } from '../terms/terms.service';
import type { University } from '../universities/entities/university.entity';
import { universitiesByCode, universityById } from '../universities/universities.queries';
import { computeBalance, universityQuotas } from './balance';
import { BalanceResponse, QuotaOverrideResponse } from './dto/balance.response';
import { QuotaOverride } from './entities/quota-override.entity';

@Injectable()
export class BalanceService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly terms: TermsService,
    private readonly audit: AuditService,
    private readonly cache: ReadCache,
  ) {}

  get(code: string): Promise<BalanceResponse> {
    return this.cache.get(`balance:${code}`, async () =>
      this.of(this.dataSource.manager, await this.terms.findByCode(code)),
    );
  }

  /** The balance of a term as `manager` sees it (inside a caller's transaction, if any). */
  async of(manager: EntityManager, term: Term): Promise<BalanceResponse> {
    // One after another: inside a caller's transaction these share one connection.
    const districts = await districtsByName(manager);
    const offerTotals = await offerTotalsOfTerm(manager, term.id);
    const supervisorTraining = await trainingOfSupervisorsOnOffersOf(manager, term.id);
    const universities = await this.universitiesOf(manager, term);
    const assigned = await placedPerUniversity(manager, term.id);
    return computeBalance({
      targetPlaces: term.targetPlaces,
      districts,
      offerTotals,
      supervisorTraining,
      universities: universities.map((u) => ({
        ...u,
        assigned: assigned.find((a) => a.universityId === u.id)?.count ?? 0,
      })),
    });
  }

  /**
   * One university's quota as `of` gives it, without the rest of the balance. The split is joint,
   * so it still needs every university's demand and override and the term's usable places.
   */
  async quotaOf(manager: EntityManager, term: Term, universityId: string): Promise<number> {
    const usable = (await offerTotalsOfTerm(manager, term.id)).reduce((sum, o) => sum + o.usablePlaces, 0);
    const universities = await this.universitiesOf(manager, term);
    const quotas = universityQuotas(Math.min(term.targetPlaces, usable), universities);
    return quotas[universities.findIndex((u) => u.id === universityId)] ?? 0;
  }

  /** Every university, by code, with its demand and quota override for the term. */
  private async universitiesOf(manager: EntityManager, term: Term) {
    const universities = await universitiesByCode(manager);
    const demands = await demandsOfTerm(manager, term.id);
    const overrides = await manager.findBy(QuotaOverride, { termId: term.id });
    return universities.map((u) => ({
      id: u.id,
      code: u.code,
      requestedPlaces: demands.find((d) => d.universityId === u.id)?.requestedPlaces ?? null,
      override: overrides.find((o) => o.universityId === u.id)?.quota ?? null,
    }));
  }

  async overrideQuota(actor: Actor, code: string, universityId: string, quota: number): Promise<QuotaOverrideResponse> {
    return this.dataSource.transaction(async (manager) => {
      const term = await this.terms.findByCode(code, manager);
      const university = await this.university(manager, universityId);
      const before = await manager.findOne(QuotaOverride, {
        where: { termId: term.id, universityId },
        lock: { mode: 'pessimistic_write' },
      });
      await manager.upsert(QuotaOverride, { termId: term.id, universityId, quota, setBy: actor.id }, [
        'termId',
        'universityId',
      ]);
      await this.audit.record(manager, actor, {
        action: 'quota.overridden',
        entityType: 'term',
        entityId: term.id,
        changes: { [`quota.${university.code}`]: { from: before?.quota ?? null, to: quota } },
      });
      return { universityId, quota, quotaOverridden: true };
    });
  }

  /** Back to the computed split. */
  async restoreQuota(actor: Actor, code: string, universityId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const term = await this.terms.findByCode(code, manager);
      const university = await this.university(manager, universityId);
      const before = await manager.findOneBy(QuotaOverride, { termId: term.id, universityId });
      if (!before) return;
      await manager.delete(QuotaOverride, { termId: term.id, universityId });
      await this.audit.record(manager, actor, {
        action: 'quota.restored',
        entityType: 'term',
        entityId: term.id,
        changes: { [`quota.${university.code}`]: { from: before.quota, to: null } },
      });
    });
  }

  private async university(manager: EntityManager, id: string): Promise<University> {
    const university = await universityById(manager, id);
    if (!university) throw AppError.notFound('university');
    return university;
  }
}
