import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppError } from '../common/errors/app-error';
import { lockDistrict } from '../districts/districts.queries';
import type { District } from '../districts/entities/district.entity';
import { supervisorsOfDistrict } from '../supervisors/supervisors.queries';
import { termsOrOpenTerms } from '../terms/terms.queries';
import { PlacementOffer } from './entities/placement-offer.entity';
import { OffersErrors, PlacementMisfit } from './offers.errors';
import { CoverageSupervisor, effectiveCapacity, findOvercommitment } from './supervisor-coverage';

/**
 * Keeps every supervisor's capacity within what the offers naming them need, per term. Callers
 * lock the district first, then write, then check inside the same transaction: a refusal rolls
 * the write back, and two writers of one district never both pass on stale numbers.
 */
@Injectable()
export class CoverageService {
  /** Serialises offer and supervisor writes of one district. */
  async lockDistrict(manager: EntityManager, districtId: string): Promise<District | null> {
    return lockDistrict(manager, districtId);
  }

  /**
   * Placed students keep their place: after a change to offers or supervisors (rows locked by the
   * caller, as the assignment trigger locks them), every offer still has room for the students
   * placed there, each with a supervisor still named on it and within capacity.
   */
  async assertPlacementsFit(
    manager: EntityManager,
    scope: { offerIds?: string[]; supervisorIds?: string[] },
  ): Promise<void> {
    const rows: { misfit: PlacementMisfit }[] = await manager.query(
      `WITH offers AS (
         SELECT id FROM placement_offers WHERE id = ANY($1::uuid[])
         UNION SELECT offer_id FROM offer_supervisors WHERE supervisor_id = ANY($2::uuid[])
       )
       SELECT json_build_object('kind', 'offer_full', 'unitName', o.unit_name, 'placed', count(a.id), 'usable', u.usable) AS misfit
         FROM placement_offers o
         JOIN assignments a ON a.offer_id = o.id
         CROSS JOIN LATERAL (
           SELECT LEAST(o.places, COALESCE(SUM(CASE WHEN s.active THEN s.capacity ELSE 0 END), 0)) AS usable
             FROM offer_supervisors os JOIN supervisors s ON s.id = os.supervisor_id WHERE os.offer_id = o.id
         ) u
        WHERE o.id IN (SELECT id FROM offers)
        GROUP BY o.id, u.usable HAVING count(a.id) > u.usable
       UNION ALL
       SELECT json_build_object('kind', 'supervisor_full', 'supervisorName', s.name, 'placed', count(a.id), 'capacity', CASE WHEN s.active THEN s.capacity ELSE 0 END)
         FROM supervisors s JOIN assignments a ON a.supervisor_id = s.id
        WHERE s.id = ANY($2::uuid[])
        GROUP BY s.id, a.term_id HAVING count(a.id) > CASE WHEN s.active THEN s.capacity ELSE 0 END
       UNION ALL
       SELECT json_build_object('kind', 'supervisor_not_named', 'supervisorName', s.name, 'unitName', o.unit_name)
         FROM assignments a JOIN placement_offers o ON o.id = a.offer_id JOIN supervisors s ON s.id = a.supervisor_id
        WHERE o.id IN (SELECT id FROM offers)
          AND NOT EXISTS (SELECT 1 FROM offer_supervisors os WHERE os.offer_id = o.id AND os.supervisor_id = s.id)`,
      [scope.offerIds ?? [], scope.supervisorIds ?? []],
    );
    if (rows.length)
      throw AppError.of(OffersErrors.placements_exceed_capacity, { misfits: rows.map((row) => row.misfit) });
  }

  /** 409 naming supervisors and offers when a term's offers need more than those supervisors can give. */
  async assertCovered(manager: EntityManager, districtId: string, termIds?: string[]): Promise<void> {
    const terms = await termsOrOpenTerms(manager, termIds);
    if (!terms.length) return;
    const supervisors = await supervisorsOfDistrict(manager, districtId);
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
      throw AppError.of(OffersErrors.supervisor_overcommitted, {
        termCode: term.code,
        supervisors: problem.supervisorIds.map((id) => byId.get(id)!.name).sort((a, b) => a.localeCompare(b, 'sv')),
        capacity: problem.capacity,
        offers: offers
          .filter((o) => problem.offerIds.includes(o.id))
          .map((o) => ({ unitName: o.unitName, field: o.field })),
        needed: problem.needed,
      });
    }
  }
}
