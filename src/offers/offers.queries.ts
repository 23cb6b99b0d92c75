import { EntityManager, In } from 'typeorm';
import { TermStatus } from '../terms/term-status';
import { PlacementOffer } from './entities/placement-offer.entity';

export function offersByIds(manager: EntityManager, ids: string[]): Promise<PlacementOffer[]> {
  return manager.findBy(PlacementOffer, { id: In(ids) });
}

export function offersOfTermWithSupervisors(manager: EntityManager, termId: string): Promise<PlacementOffer[]> {
  return manager.find(PlacementOffer, { where: { termId }, relations: { supervisors: true } });
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
