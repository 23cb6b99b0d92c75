import { EntityManager, In } from 'typeorm';
import { REMOVED_NAME, removedEmail } from '../privacy/removed-data';
import { Supervisor } from './entities/supervisor.entity';
import type { TrainingStatus } from './training-status';

export function supervisorsByIds(manager: EntityManager, ids: string[]): Promise<Supervisor[]> {
  return manager.findBy(Supervisor, { id: In(ids) });
}

export function supervisorsOfDistrict(manager: EntityManager, districtId: string): Promise<Supervisor[]> {
  return manager.findBy(Supervisor, { districtId });
}

export function supervisorsWithEmail(manager: EntityManager, email: string): Promise<Supervisor[]> {
  return manager.findBy(Supervisor, { email });
}

export function activeSupervisors(manager: EntityManager): Promise<Supervisor[]> {
  return manager.find(Supervisor, { where: { active: true } });
}

/** Active supervisors named on any of the term's offers, each once. */
export function activeSupervisorsOnOffersOf(manager: EntityManager, termId: string): Promise<Supervisor[]> {
  return manager
    .createQueryBuilder(Supervisor, 's')
    .innerJoin('offer_supervisors', 'os', 'os.supervisor_id = s.id')
    .innerJoin('placement_offers', 'o', 'o.id = os.offer_id AND o.term_id = :termId', { termId })
    .where('s.active')
    .distinct(true)
    .getMany();
}

/** How many of the supervisors named on the term's offers (each once, inactive ones too) have each training status. */
export function trainingOfSupervisorsOnOffersOf(
  manager: EntityManager,
  termId: string,
): Promise<{ trainingStatus: TrainingStatus; count: number }[]> {
  return manager
    .createQueryBuilder(Supervisor, 's')
    .select('s.training_status', 'trainingStatus')
    .addSelect('count(*)::int', 'count')
    .where(
      `EXISTS (SELECT 1 FROM offer_supervisors os JOIN placement_offers o ON o.id = os.offer_id
                WHERE os.supervisor_id = s.id AND o.term_id = :termId)`,
      { termId },
    )
    .groupBy('s.training_status')
    .getRawMany<{ trainingStatus: TrainingStatus; count: number }>();
}

/** Removes the supervisor's name and e-mail and takes them off new offers; the row and its id stay. */
export async function anonymiseSupervisor(manager: EntityManager, id: string): Promise<void> {
  await manager.update(Supervisor, { id }, { name: REMOVED_NAME, email: removedEmail(id), active: false });
}
