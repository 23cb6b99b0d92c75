import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  OneToMany,
  PrimaryGeneratedColumn,
  type Relation,
  UpdateDateColumn,
} from 'typeorm';
import { TermStatus } from '../term-status';
import { TermPeriod } from './term-period.entity';

/** A term of placements, e.g. HT2026 (autumn 2026), with its target and reporting deadline. */
@Entity('terms')
@Check('term_code', `code ~ '^(HT|VT)[0-9]{4}$'`)
@Check('term_target', `target_places BETWEEN 1 AND 1000`)
@Check('term_status', `status IN ('planning', 'reporting', 'allocating', 'published', 'closed')`)
export class Term {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  code: string;

  @Column({ type: 'integer', default: 100 })
  targetPlaces: number;

  /** The last day (Stockholm) districts report offers; it counts in full. */
  @Column({ type: 'date' })
  reportingDeadline: string;

  @Column({ type: 'text', default: TermStatus.Planning })
  status: TermStatus;

  /** When the term was closed: the retention of its students' personal data counts from here. */
  @Column({ type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** When its students' personal data was removed (anonymised) after the retention period. */
  @Column({ type: 'timestamptz', nullable: true })
  personalDataPurgedAt: Date | null;

  @OneToMany(() => TermPeriod, (period) => period.term, { cascade: false })
  periods?: Relation<TermPeriod>[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
