import {
  Check,
  Column,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { University } from '../../universities/entities/university.entity';

/**
 * A university's yearly account of supervisor training (letter of intent): how many district
 * staff were offered training, how many could not be given a place, and how it went.
 */
@Entity('training_reports')
@Index(['universityId', 'year'], { unique: true })
@Check('training_report_counts', `offered_training >= 0 AND not_admitted >= 0 AND year BETWEEN 2000 AND 2100`)
export class TrainingReport {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  universityId: string;

  @ManyToOne(() => University, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'university_id' })
  university?: Relation<University>;

  @Column({ type: 'integer' })
  year: number;

  @Column({ type: 'integer' })
  offeredTraining: number;

  @Column({ type: 'integer' })
  notAdmitted: number;

  @Column({ type: 'text' })
  evaluationSummary: string;

  @Column({ type: 'uuid', nullable: true })
  reportedBy: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
