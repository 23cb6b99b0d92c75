import { Injectable } from '@nestjs/common';
import { EntityManager, In, Not } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { District } from '../districts/entities/district.entity';
import { Supervisor } from '../supervisors/entities/supervisor.entity';
import { Term } from '../terms/entities/term.entity';
import { TermStatus } from '../terms/term-status';
import { PlacementOffer } from './entities/placement-offer.entity';
import { CoverageSupervisor, effectiveCapacity, findOvercommitment } from './supervisor-coverage';

export enum CoverageErrorCode {
  Overcommitted = 'supervisor_overcommitted',
}

/**
 * Keeps every supervisor's capacity within what the offers naming them need, per term. Callers
 * lock the district first, then write, then check inside the same transaction: a refusal rolls
 * the write back, and two writers of one district never both pass on stale numbers.
 */
@Injectable()
export class CoverageService {
  /** Serialises offer and supervisor writes of one district. */
  async lockDistrict(manager: EntityManager, districtId: string): Promise<District | null> {
    return manager.findOne(District, { where: { id: districtId }, lock: { mode: 'pessimistic_write' } });
  }

  /** 409 naming supervisors and offers when a term's offers need more than those supervisors can give. */
  async assertCovered(manager: EntityManager, districtId: string, termIds?: string[]): Promise<void> {
    const terms = await manager.find(Term, {
      where: termIds ? { id: In(termIds) } : { status: Not(TermStatus.Closed) },
      order: { code: 'ASC' },
    });
    if (!terms.length) return;
    const supervisors = await manager.findBy(Supervisor, { districtId });
    const byId = new Map(supervisors.map((s) => [s.id, s]));
    const pool: CoverageSupervisor[] = supervisors.map((s) => ({ id: s.id, capacity: effectiveCapacity(s) }));
    for (const term of terms) {
      const offers = await manager.find(PlacementOffer, {
        where: { termId: term.id, districtId },
        relations: { supervisors: true },
        order: { unitName: 'ASC', field: 'ASC' },
      });
      const problem = findOvercommitment(
        offers.map((o) => ({ id: o.id, places: o.places, supervisorIds: (o.supervisors ?? []).map((s) => s.id) })),
        pool,
      );
      if (!problem) continue;
      const names = problem.supervisorIds.map((id) => byId.get(id)!.name).join(', ');
      const units = offers.filter((o) => problem.offerIds.includes(o.id)).map((o) => `${o.unitName} (${o.field})`).join(', ');
      throw AppError.conflict(
        CoverageErrorCode.Overcommitted,
        `Supervisors over-committed in ${term.code}: ${names} can supervise ${problem.capacity} student(s) in all, ` +
          `but the offers ${units} need ${problem.needed}. Name other supervisors, lower the places, or raise a capacity.`,
      );
    }
  }
}
