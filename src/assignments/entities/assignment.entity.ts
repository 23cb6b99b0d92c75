import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { PlacementOffer } from '../../offers/entities/placement-offer.entity';
import { Student } from '../../students/entities/student.entity';
import { Supervisor } from '../../supervisors/entities/supervisor.entity';
import { Term } from '../../terms/entities/term.entity';
import { AssignmentStatus } from '../assignment-status';

/**
 * A placement (placering): student ↔ offer ↔ supervisor. Besides the service's own checks, a
 * trigger (migration AssignmentCapacity) refuses any row that would put more students on an
 * offer than its usable places or on a supervisor than their capacity.
 */
@Entity('assignments')
@Index(['termId', 'universityId'])
@Index(['termId', 'offerId'])
@Index(['termId', 'supervisorId'])
@Index(['offerId'])
@Index(['supervisorId'])
@Check('assignment_status', `status IN ('draft', 'published')`)
export class Assignment {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  termId: string;

  @ManyToOne(() => Term, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'term_id' })
  term?: Relation<Term>;

  /** A student is placed at most once (the one-to-one join column is unique). */
  @Column({ type: 'uuid' })
  studentId: string;

  @OneToOne(() => Student, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'student_id' })
  student?: Relation<Student>;

  /** The student's university, kept here so quotas are counted without a join. */
  @Column({ type: 'uuid' })
  universityId: string;

  @Column({ type: 'uuid' })
  offerId: string;

  @ManyToOne(() => PlacementOffer, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'offer_id' })
  offer?: Relation<PlacementOffer>;

  @Column({ type: 'uuid' })
  supervisorId: string;

  @ManyToOne(() => Supervisor, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'supervisor_id' })
  supervisor?: Relation<Supervisor>;

  @Column({ type: 'text', default: AssignmentStatus.Draft })
  status: AssignmentStatus;

  /** The preference cost of the pair (DESIGN.md §5), for explaining a proposal. */
  @Column({ type: 'integer', nullable: true })
  cost: number | null;

  /** The publication that made it final; e-mails of one publication are sent once. */
  @Column({ type: 'integer', nullable: true })
  publicationRound: number | null;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  publishedAt: Date | null;
}
