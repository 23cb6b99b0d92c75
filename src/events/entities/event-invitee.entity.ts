import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, type Relation } from 'typeorm';
import { InviteeKind } from '../invitee-kind';
import { CalendarEventEntity } from './event.entity';

/**
 * Someone invited to an event, as the event's type decides (kept in step by the service). Users
 * see the event in their calendar feed; supervisors and students, who have no account, get it by
 * e-mail. Attendance is recorded here afterwards.
 */
@Entity('event_invitees')
@Index(['eventId', 'inviteeKey'], { unique: true })
@Index(['userId'])
@Check('event_invitee_kind', `kind IN ('user', 'supervisor', 'student')`)
export class EventInvitee {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  eventId: string;

  @ManyToOne(() => CalendarEventEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'event_id' })
  event?: Relation<CalendarEventEntity>;

  @Column({ type: 'text' })
  kind: InviteeKind;

  /** `user-<id>`, `supervisor-<id>` or `student-<id>`: one invitation per person and event. */
  @Column({ type: 'text' })
  inviteeKey: string;

  @Column({ type: 'uuid', nullable: true })
  userId: string | null;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  name: string;

  /** For follow-up figures: the district (contacts, supervisors) or university (coordinators, students). */
  @Column({ type: 'uuid', nullable: true })
  districtId: string | null;

  @Column({ type: 'uuid', nullable: true })
  universityId: string | null;

  /** null until recorded after the event. */
  @Column({ type: 'boolean', nullable: true })
  attended: boolean | null;
}
