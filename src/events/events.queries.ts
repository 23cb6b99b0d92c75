import { EntityManager } from 'typeorm';
import { REMOVED_NAME, removedEmail } from '../privacy/removed-data';
import { CalendarEventEntity } from './entities/event.entity';
import { EventInvitee } from './entities/event-invitee.entity';
import { EventStatus } from './event-status';
import { EventType } from './event-type';

/** The term's joint introduction, unless there is none or it was cancelled. */
export function scheduledIntroductionOf(manager: EntityManager, termId: string): Promise<CalendarEventEntity | null> {
  return manager.findOneBy(CalendarEventEntity, {
    termId,
    type: EventType.Introduction,
    status: EventStatus.Scheduled,
  });
}

export function scheduledWorkshops(manager: EntityManager): Promise<CalendarEventEntity[]> {
  return manager.find(CalendarEventEntity, { where: { type: EventType.Workshop, status: EventStatus.Scheduled } });
}

export function inviteesOfEvent(manager: EntityManager, eventId: string): Promise<EventInvitee[]> {
  return manager.findBy(EventInvitee, { eventId });
}

export function invitationsByEmail(manager: EntityManager, email: string): Promise<EventInvitee[]> {
  return manager.findBy(EventInvitee, { email });
}

/** Removes the name and e-mail from every invitation to this address; attendance stays. */
export async function anonymiseInvitationsByEmail(manager: EntityManager, email: string): Promise<void> {
  await manager.update(EventInvitee, { email }, { name: REMOVED_NAME, email: removedEmail('invitee') });
}

/** Removes the name and e-mail from the student's invitations; attendance stays. */
export async function anonymiseStudentInvitations(manager: EntityManager, studentId: string): Promise<void> {
  await manager.update(
    EventInvitee,
    { inviteeKey: `student-${studentId}` },
    { name: REMOVED_NAME, email: removedEmail(studentId) },
  );
}
