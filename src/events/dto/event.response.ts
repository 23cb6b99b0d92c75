import { CalendarEventEntity } from '../entities/event.entity';
import { EventInvitee } from '../entities/event-invitee.entity';
import { EventStatus } from '../event-status';
import { EventType } from '../event-type';
import { InviteeKind } from '../invitee-kind';

export class EventResponse {
  id: string;
  type: EventType;
  title: string;
  description: string | null;
  location: string;
  startsAt: Date;
  endsAt: Date;
  termId: string | null;
  includeUniversities: boolean;
  status: EventStatus;
  /** iCalendar SEQUENCE, raised on every change. */
  sequence: number;
  /** Whether the signed-in user is invited. */
  invited: boolean;
  invitees: number;

  static of(event: CalendarEventEntity, invited: boolean, invitees: number): EventResponse {
    return {
      id: event.id,
      type: event.type,
      title: event.title,
      description: event.description,
      location: event.location,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      termId: event.termId,
      includeUniversities: event.includeUniversities,
      status: event.status,
      sequence: event.sequence,
      invited,
      invitees,
    };
  }
}

export class InviteeResponse {
  id: string;
  kind: InviteeKind;
  name: string;
  email: string;
  userId: string | null;
  districtId: string | null;
  universityId: string | null;
  attended: boolean | null;

  static of(invitee: EventInvitee): InviteeResponse {
    return {
      id: invitee.id,
      kind: invitee.kind,
      name: invitee.name,
      email: invitee.email,
      userId: invitee.userId,
      districtId: invitee.districtId,
      universityId: invitee.universityId,
      attended: invitee.attended,
    };
  }
}
