import { EntityManager, In } from 'typeorm';
import type { Field } from '../fields/fields';
import { TermStatus } from '../terms/term-status';
import { PlacementOffer } from './entities/placement-offer.entity';

export function offersByIds(manager: EntityManager, ids: string[]): Promise<PlacementOffer[]> {
  return manager.findBy(PlacementOffer, { id: In(ids) });
}

export function offersOfTermWithSupervisors(manager: EntityManager, termId: string): Promise<PlacementOffer[]> {
  return manager.find(PlacementOffer, { where: { termId }, relations: { supervisors: true } });
}

/** The term's offers added up per district and field (each group has at least one offer). */
export interface OfferTotals {
  districtId: string;
  field: Field;
  offeredPlaces: number;
  /** Per offer `usablePlaces(places, supervisors.map(effectiveCapacity))` (supervisor-coverage.ts), summed. */
  usablePlaces: number;
  firstCreatedAt: Date;
}

/** One aggregate instead of every offer with its supervisors: the balance needs only the sums. */
export function offerTotalsOfTerm(manager: EntityManager, termId: string): Promise<OfferTotals[]> {
  return manager.query<OfferTotals[]>(
    `SELECT o.district_id AS "districtId", o.field, sum(o.places)::int AS "offeredPlaces", sum(o.usable)::int AS "usablePlaces",
            min(o.created_at) AS "firstCreatedAt"
       FROM (SELECT o.district_id, o.field, o.places, o.created_at,
                    LEAST(o.places, COALESCE(sum(s.capacity) FILTER (WHERE s.active), 0)) AS usable
               FROM placement_offers o
               LEFT JOIN offer_supervisors os ON os.offer_id = o.id
               LEFT JOIN supervisors s ON s.id = os.supervisor_id
              WHERE o.term_id = $1
              GROUP BY o.id) o
      GROUP BY o.district_id, o.field`,
    [termId],
  );
}

/** Null when the term has no such offer. */
export function offerInTermWithSupervisors(
  manager: EntityManager,
  id: string,
  termId: string,
): Promise<PlacementOffer | null> {
  return manager.findOne(PlacementOffer, { where: { id, termId }, relations: { supervisors: true } });
}

/** The districts with at least one offer for the term. */
export async function reportingDistrictIds(manager: EntityManager, termId: string): Promise<string[]> {
  const rows = await manager
    .createQueryBuilder(PlacementOffer, 'o')
    .select('DISTINCT o.district_id', 'id')
    .where('o.term_id = :id', { id: termId })
    .getRawMany<{ id: string }>();
  return rows.map((r) => r.id);
}

/** Offers naming the supervisor in terms that are not closed. */
export function countOpenOffersNaming(manager: EntityManager, supervisorId: string): Promise<number> {
  return manager
    .createQueryBuilder(PlacementOffer, 'o')
    .innerJoin('offer_supervisors', 'os', 'os.offer_id = o.id AND os.supervisor_id = :id', { id: supervisorId })
    .innerJoin('terms', 't', 't.id = o.term_id AND t.status <> :closed', { closed: TermStatus.Closed })
    .getCount();
}
