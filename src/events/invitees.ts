import { EntityManager } from 'typeorm';
import { publishedAssignments } from '../assignments/assignments.queries';
import { Role } from '../common/auth/role';
import { studentsByIds } from '../students/students.queries';
import type { Supervisor } from '../supervisors/entities/supervisor.entity';
import { activeSupervisors, activeSupervisorsOnOffersOf, supervisorsByIds } from '../supervisors/supervisors.queries';
import type { User } from '../users/entities/user.entity';
import { activeUsersWithRoles } from '../users/users.queries';
import type { CalendarEventEntity } from './entities/event.entity';
import { InviteeKind } from './invitee-kind';
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
  const users = (...roles: Role[]) => activeUsersWithRoles(manager, roles);
  switch (event.type) {
    case EventType.Introduction: {
      const placed = event.termId ? await publishedAssignments(manager, event.termId) : [];
      const students = placed.length
        ? await studentsByIds(
            manager,
            placed.map((a) => a.studentId),
          )
        : [];
      const supervisors = placed.length
        ? await supervisorsByIds(manager, [...new Set(placed.map((a) => a.supervisorId))])
        : [];
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
        await users(
          Role.DistrictContact,
          Role.Coordinator,
          ...(event.includeUniversities ? [Role.UniversityCoordinator] : []),
        )
      ).map(fromUser);
    case EventType.Lecture: {
      const onTerm = event.termId
        ? await activeSupervisorsOnOffersOf(manager, event.termId)
        : await activeSupervisors(manager);
      return [...(await users(Role.DistrictContact)).map(fromUser), ...onTerm.map(fromSupervisor)];
    }
  }
}
