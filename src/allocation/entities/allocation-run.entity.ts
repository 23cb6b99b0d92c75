import {
  Check,
  type FindOptionsSelect,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  type Relation,
} from 'typeorm';
import { Term } from '../../terms/entities/term.entity';
import { AllocationRunStatus } from '../allocation-run-status';
import { UnplacedReason } from '../unplaced-reason';

export { UnplacedReason };

export interface AllocationOutcome {
  unplaced: { studentId: string; reason: UnplacedReason }[];
  universities: { universityId: string; quota: number; placed: number }[];
  proposals: { studentId: string; offerId: string; supervisorId: string; cost: number }[];
}

/** One run of the allocation engine over a term, proposed to the coordinator. */
@Entity('allocation_runs')
@Index(['termId', 'createdAt'])
@Check('allocation_run_status', `status IN ('queued', 'running', 'succeeded', 'failed')`)
export class AllocationRun {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'uuid' })
  termId: string;

  @ManyToOne(() => Term, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'term_id' })
  term?: Relation<Term>;

  @Column({ type: 'text', default: AllocationRunStatus.Queued })
  status: AllocationRunStatus;

  @Column({ type: 'uuid', nullable: true })
  requestedBy: string | null;

  @Column({ type: 'integer', nullable: true })
  placed: number | null;

  @Column({ type: 'integer', nullable: true })
  totalCost: number | null;

  @Column({ type: 'jsonb', nullable: true })
  outcome: AllocationOutcome | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  /** Milliseconds the engine took, for the record. */
  @Column({ type: 'integer', nullable: true })
  solveMs: number | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  startedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  finishedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  appliedAt: Date | null;
}

/** The columns a list of runs shows: everything but the outcome. */
export const RUN_SUMMARY_SELECT = {
  id: true,
  termId: true,
  status: true,
  placed: true,
  totalCost: true,
  error: true,
  solveMs: true,
  createdAt: true,
  finishedAt: true,
  appliedAt: true,
} as const satisfies FindOptionsSelect<AllocationRun>;

export type AllocationRunSummary = Pick<AllocationRun, keyof typeof RUN_SUMMARY_SELECT>;
