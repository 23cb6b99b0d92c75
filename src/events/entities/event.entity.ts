import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { Term } from '../../terms/entities/term.entity';
import { EventStatus } from '../event-status';
import { EventType } from '../event-type';

/** A shared calendar event: the joint introduction, the workshop, a network meeting, a lecture. */
@Entity('events')
@Index(['startsAt'])
@Check('event_type', `type IN ('introduction', 'workshop', 'network_meeting', 'lecture')`)
@Check('event_status', `status IN ('scheduled', 'cancelled')`)
@Check('event_times', `ends_at > starts_at`)
export class CalendarEventEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  type: EventType;

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ type: 'text' })
  location: string;

  @Column({ type: 'timestamptz' })
  startsAt: Date;

  @Column({ type: 'timestamptz' })
  endsAt: Date;

  /** The term an introduction (or a lecture for its supervisors) belongs to. */
  @Column({ type: 'uuid', nullable: true })
  termId: string | null;

  @ManyToOne(() => Term, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'term_id' })
  term?: Relation<Term>;

  /** For network meetings: whether the university coordinators are invited too. */
  @Column({ type: 'boolean', default: false })
  includeUniversities: boolean;

  @Column({ type: 'text', default: EventStatus.Scheduled })
  status: EventStatus;

  /** iCalendar SEQUENCE: raised on every change and on cancellation. */
  @Column({ type: 'integer', default: 0 })
  sequence: number;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
