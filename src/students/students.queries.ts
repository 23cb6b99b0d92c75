import { EntityManager, In } from 'typeorm';
import { REMOVED_NAME, removedEmail } from '../privacy/removed-data';
import { Student } from './entities/student.entity';

/** Null when the term has no such student. */
export function studentInTerm(manager: EntityManager, id: string, termId: string): Promise<Student | null> {
  return manager.findOneBy(Student, { id, termId });
}

/** Those of `ids` registered for the term. */
export function studentsInTerm(manager: EntityManager, termId: string, ids: string[]): Promise<Student[]> {
  return manager.findBy(Student, { id: In(ids), termId });
}

export function studentsByIds(manager: EntityManager, ids: string[]): Promise<Student[]> {
  return manager.findBy(Student, { id: In(ids) });
}

export function studentsOfTerm(manager: EntityManager, termId: string): Promise<Student[]> {
  return manager.findBy(Student, { termId });
}

/** By id, so the engine is given them in the same order every run. */
export function studentsOfTermInOrder(manager: EntityManager, termId: string): Promise<Student[]> {
  return manager.find(Student, { where: { termId }, order: { id: 'ASC' } });
}

export function studentsWithEmail(manager: EntityManager, email: string): Promise<Student[]> {
  return manager.findBy(Student, { email });
}

/** Removes what identifies the student; the row, its id and its preferences stay. */
export async function anonymiseStudent(manager: EntityManager, id: string): Promise<void> {
  await manager.update(
    Student,
    { id },
    {
      name: REMOVED_NAME,
      email: removedEmail(id),
      studentRef: `borttagen-${id.slice(0, 8)}`,
      languages: [],
      needsExtraSupport: false,
    },
  );
}
