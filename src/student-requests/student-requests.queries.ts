import { EntityManager } from 'typeorm';
import { REMOVED_NAME, removedEmail } from '../privacy/removed-data';
import { StudentRequest } from './entities/student-request.entity';
import { StudentRequestStatus } from './student-request-status';

export function requestsWithStudentEmail(manager: EntityManager, email: string): Promise<StudentRequest[]> {
  return manager.findBy(StudentRequest, { studentEmail: email });
}

/** Removes the student's name, e-mail and message and the answer; the request and its dates stay. */
export async function anonymiseRequest(manager: EntityManager, id: string): Promise<void> {
  await manager.update(
    StudentRequest,
    { id },
    { studentName: REMOVED_NAME, studentEmail: removedEmail(id), message: REMOVED_NAME, answer: null },
  );
}

/** The same for every answered or closed request forwarded before `before`; returns how many. */
export async function anonymiseDoneRequestsForwardedBefore(manager: EntityManager, before: Date): Promise<number> {
  const result = await manager
    .createQueryBuilder()
    .update(StudentRequest)
    // removedEmail(id), in SQL.
    .set({
      studentName: REMOVED_NAME,
      studentEmail: () => `'borttagen-' || id || '@borttagen.invalid'`,
      message: REMOVED_NAME,
      answer: null,
    })
    .where('status IN (:...done) AND forwarded_at < :before AND student_name <> :removed', {
      done: [StudentRequestStatus.Answered, StudentRequestStatus.Closed],
      before,
      removed: REMOVED_NAME,
    })
    .execute();
  return result.affected ?? 0;
}
