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
import { District } from '../../districts/entities/district.entity';
import { TrainingStatus } from '../training-status';

export { TrainingStatus };

/** A named member of a district's staff who supervises students (handledare). */
@Entity('supervisors')
@Index(['districtId', 'email'], { unique: true })
@Check('supervisor_capacity', `capacity BETWEEN 1 AND 2`)
@Check('supervisor_training', `training_status IN ('completed', 'in_progress', 'none')`)
export class Supervisor {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  districtId: string;

  @ManyToOne(() => District, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'district_id' })
  district?: Relation<District>;

  @Column({ type: 'text' })
  name: string;

  /** Stored lower-cased; unique within the district. */
  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  trainingStatus: TrainingStatus;

  /** Students at a time: 1 by default, at most 2 (the letter of intent). */
  @Column({ type: 'integer', default: 1 })
  capacity: number;

  /** An inactive supervisor stays on past offers but cannot be named on new ones. */
  @Column({ type: 'boolean', default: true })
  active: boolean;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
