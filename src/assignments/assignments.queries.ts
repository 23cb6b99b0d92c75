import { EntityManager, In } from 'typeorm';
import { AssignmentStatus } from './assignment-status';
import { Assignment } from './entities/assignment.entity';

type NewPlacement = Pick<
  Assignment,
  'termId' | 'studentId' | 'universityId' | 'offerId' | 'supervisorId' | 'cost' | 'createdBy'
>;

export function publishedAssignments(manager: EntityManager, termId: string): Promise<Assignment[]> {
  return manager.findBy(Assignment, { termId, status: AssignmentStatus.Published });
}

export function assignmentsOfStudents(manager: EntityManager, studentIds: string[]): Promise<Assignment[]> {
  return manager.findBy(Assignment, { studentId: In(studentIds) });
}

export function isPlaced(manager: EntityManager, studentId: string): Promise<boolean> {
  return manager.existsBy(Assignment, { studentId });
}

export function anyPlaced(manager: EntityManager, studentIds: string[]): Promise<boolean> {
  return manager.existsBy(Assignment, { studentId: In(studentIds) });
}

export function countPlacedAtOffer(manager: EntityManager, offerId: string): Promise<number> {
  return manager.countBy(Assignment, { offerId });
}

/** Placements of the term per university, drafts included. */
export function placedPerUniversity(
  manager: EntityManager,
  termId: string,
): Promise<{ universityId: string; count: number }[]> {
  return manager
    .createQueryBuilder(Assignment, 'a')
    .select('a.university_id', 'universityId')
    .addSelect('count(*)::int', 'count')
    .where('a.term_id = :id', { id: termId })
    .groupBy('a.university_id')
    .getRawMany<{ universityId: string; count: number }>();
}

/** Each placement of the term with its offer's district and field, for the follow-up. */
export function placementsWithOffer(
  manager: EntityManager,
  termId: string,
): Promise<{ districtId: string; field: string; universityId: string; status: AssignmentStatus }[]> {
  return manager
    .createQueryBuilder(Assignment, 'a')
    .innerJoin('placement_offers', 'o', 'o.id = a.offer_id')
    .select([
      'o.district_id AS "districtId"',
      'o.field AS field',
      'a.university_id AS "universityId"',
      'a.status AS status',
    ])
    .where('a.term_id = :id', { id: termId })
    .getRawMany<{ districtId: string; field: string; universityId: string; status: AssignmentStatus }>();
}

/** Returns how many were removed. */
export async function deleteDrafts(manager: EntityManager, termId: string): Promise<number> {
  return (await manager.delete(Assignment, { termId, status: AssignmentStatus.Draft })).affected ?? 0;
}

/** The capacity trigger refuses, with a QueryFailedError, a row that does not fit. */
export async function insertPlacements(manager: EntityManager, placements: NewPlacement[]): Promise<void> {
  await manager.insert(Assignment, placements);
}
