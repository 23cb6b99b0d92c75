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
} from 'typeorm';
import { District } from '../../districts/entities/district.entity';
import { University } from '../../universities/entities/university.entity';
import { StudentRequestStatus } from '../student-request-status';

/**
 * A student's request to a district for a placement, which the district forwards to the
 * universities (letter of intent); the universities answer it.
 */
@Entity('student_requests')
@Index(['status', 'forwardedAt'])
@Check('student_request_status', `status IN ('forwarded', 'answered', 'closed')`)
export class StudentRequest {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  districtId: string;

  @ManyToOne(() => District, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'district_id' })
  district?: Relation<District>;

  @Column({ type: 'uuid', nullable: true })
  createdBy: string | null;

  @Column({ type: 'text' })
  studentName: string;

  @Column({ type: 'text' })
  studentEmail: string;

  /** The student's own university when it is one of the partners; null sends it to all of them. */
  @Column({ type: 'uuid', nullable: true })
  universityId: string | null;

  @ManyToOne(() => University, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'university_id' })
  university?: Relation<University>;

  /** A university elsewhere in Sweden, whose student the partners coordinate. */
  @Column({ type: 'text', nullable: true })
  otherUniversity: string | null;

  @Column({ type: 'text' })
  message: string;

  /** The day the district received it. */
  @Column({ type: 'date' })
  receivedOn: string;

  @Column({ type: 'text', default: StudentRequestStatus.Forwarded })
  status: StudentRequestStatus;

  @CreateDateColumn({ type: 'timestamptz' })
  forwardedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  answeredAt: Date | null;

  @Column({ type: 'uuid', nullable: true })
  answeredBy: string | null;

  @Column({ type: 'text', nullable: true })
  answer: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;
}
