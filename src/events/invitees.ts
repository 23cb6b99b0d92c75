import { EntityManager, In } from 'typeorm';
import { Assignment, AssignmentStatus } from '../assignments/entities/assignment.entity';
import { Role } from '../common/auth/role';
import { PlacementOffer } from '../offers/entities/placement-offer.entity';
import { Student } from '../students/entities/student.entity';
import { Supervisor } from '../supervisors/entities/supervisor.entity';
import { User } from '../users/entities/user.entity';
import { CalendarEventEntity } from './entities/event.entity';
import { InviteeKind } from './entities/event-invitee.entity';
import { EventType } from './event-type';

export interface Invitee {
  kind: InviteeKind;
  inviteeKey: string;
  userId: string | null;
  email: string;
  name: string;
  districtId: string | null;
  universityId: string | null;
}

const fromUser = (u: User): Invitee => ({
  kind: InviteeKind.User,
  inviteeKey: `user-${u.id}`,
  userId: u.id,
  email: u.email,
  name: u.name,
  districtId: u.districtId,
  universityId: u.universityId,
});
const fromSupervisor = (s: Supervisor): Invitee => ({
  kind: InviteeKind.Supervisor,
  inviteeKey: `supervisor-${s.id}`,
  userId: null,
  email: s.email,
  name: s.name,
  districtId: s.districtId,
  universityId: null,
});

/**
 * Who an event is for, by its type (issue: introduction — the term's placed students, their
 * supervisors, every district contact and university coordinator; workshop — every district
 * contact, university coordinator and coordinator; network meeting — district contacts, the
 * coordinators, universities if asked; lecture — supervisors and district contacts).
 */
export async function inviteesOf(manager: EntityManager, event: CalendarEventEntity): Promise<Invitee[]> {
  const users = (...roles: Role[]) => manager.find(User, { where: { role: In(roles), active: true }, order: { email: 'ASC' } });
  switch (event.type) {
    case EventType.Introduction: {
      const placed = event.termId ? await manager.findBy(Assignment, { termId: event.termId, status: AssignmentStatus.Published }) : [];
      const students = placed.length ? await manager.findBy(Student, { id: In(placed.map((a) => a.studentId)) }) : [];
      const supervisors = placed.length ? await manager.findBy(Supervisor, { id: In([...new Set(placed.map((a) => a.supervisorId))]) }) : [];
      return [
        ...(await users(Role.DistrictContact, Role.UniversityCoordinator)).map(fromUser),
        ...supervisors.map(fromSupervisor),
        ...students.map((s) => ({
          kind: InviteeKind.Student,
          inviteeKey: `student-${s.id}`,
          userId: null,
          email: s.email,
          name: s.name,
          districtId: null,
          universityId: s.universityId,
        })),
      ];
    }
    case EventType.Workshop:
      return (await users(Role.DistrictContact, Role.UniversityCoordinator, Role.Coordinator)).map(fromUser);
    case EventType.NetworkMeeting:
      return (
        await users(Role.DistrictContact, Role.Coordinator, ...(event.includeUniversities ? [Role.UniversityCoordinator] : []))
      ).map(fromUser);
    case EventType.Lecture: {
      const onTerm = event.termId
        ? await manager
            .createQueryBuilder(Supervisor, 's')
            .innerJoin('offer_supervisors', 'os', 'os.supervisor_id = s.id')
            .innerJoin(PlacementOffer, 'o', 'o.id = os.offer_id AND o.term_id = :termId', { termId: event.termId })
            .where('s.active')
            .distinct(true)
            .getMany()
        : await manager.find(Supervisor, { where: { active: true } });
      return [...(await users(Role.DistrictContact)).map(fromUser), ...onTerm.map(fromSupervisor)];
    }
  }
}
