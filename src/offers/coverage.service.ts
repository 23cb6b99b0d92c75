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
  PlacementsExceed = 'placements_exceed_capacity',
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

  /**
   * Placed students keep their place: after a change to offers or supervisors (rows locked by the
   * caller, as the assignment trigger locks them), every offer still has room for the students
   * placed there, each with a supervisor still named on it and within capacity.
   */
  async assertPlacementsFit(manager: EntityManager, scope: { offerIds?: string[]; supervisorIds?: string[] }): Promise<void> {
    const problems: { message: string }[] = await manager.query(
      `WITH offers AS (
         SELECT id FROM placement_offers WHERE id = ANY($1::uuid[])
         UNION SELECT offer_id FROM offer_supervisors WHERE supervisor_id = ANY($2::uuid[])
       )
       SELECT format('%s has %s student(s) placed but room for %s', o.unit_name, count(a.id), u.usable) AS message
         FROM placement_offers o
         JOIN assignments a ON a.offer_id = o.id
         CROSS JOIN LATERAL (
           SELECT LEAST(o.places, COALESCE(SUM(CASE WHEN s.active THEN s.capacity ELSE 0 END), 0)) AS usable
             FROM offer_supervisors os JOIN supervisors s ON s.id = os.supervisor_id WHERE os.offer_id = o.id
         ) u
        WHERE o.id IN (SELECT id FROM offers)
        GROUP BY o.id, u.usable HAVING count(a.id) > u.usable
       UNION ALL
       SELECT format('%s supervises %s student(s) in a term but can take %s', s.name, count(a.id), CASE WHEN s.active THEN s.capacity ELSE 0 END)
         FROM supervisors s JOIN assignments a ON a.supervisor_id = s.id
        WHERE s.id = ANY($2::uuid[])
        GROUP BY s.id, a.term_id HAVING count(a.id) > CASE WHEN s.active THEN s.capacity ELSE 0 END
       UNION ALL
       SELECT format('%s supervises a student at %s but is no longer named on it', s.name, o.unit_name)
         FROM assignments a JOIN placement_offers o ON o.id = a.offer_id JOIN supervisors s ON s.id = a.supervisor_id
        WHERE o.id IN (SELECT id FROM offers)
          AND NOT EXISTS (SELECT 1 FROM offer_supervisors os WHERE os.offer_id = o.id AND os.supervisor_id = s.id)`,
      [scope.offerIds ?? [], scope.supervisorIds ?? []],
    );
    if (problems.length) {
      throw AppError.conflict(
        CoverageErrorCode.PlacementsExceed,
        `Students are placed here: ${problems.map((p) => p.message).join('; ')}. Move or remove those placements first.`,
      );
    }
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
