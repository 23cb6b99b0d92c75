import { AllocationRunStatus } from '../allocation-run-status';
import { AllocationRun, AllocationRunSummary, UnplacedReason } from '../entities/allocation-run.entity';

export class UnplacedStudentResponse {
  studentId: string;
  /** no_acceptable_offer, quota_reached or capacity_exhausted. */
  reason: UnplacedReason;
}

export class RunUniversityResponse {
  universityId: string;
  /** The quota left for this run (the term's quota less published placements). */
  quota: number;
  placed: number;
}

export class ProposalResponse {
  studentId: string;
  offerId: string;
  supervisorId: string;
  cost: number;
}

export class AllocationRunResponse {
  id: string;
  termId: string;
  status: AllocationRunStatus;
  placed: number | null;
  unplaced: UnplacedStudentResponse[];
  totalCost: number | null;
  universities: RunUniversityResponse[];
  proposals: ProposalResponse[];
  error?: string;
  solveMs: number | null;
  createdAt: Date;
  finishedAt: Date | null;
  appliedAt: Date | null;

  static of(run: AllocationRun): AllocationRunResponse {
    return {
      id: run.id,
      termId: run.termId,
      status: run.status,
      placed: run.placed,
      unplaced: run.outcome?.unplaced ?? [],
      totalCost: run.totalCost,
      universities: run.outcome?.universities ?? [],
      proposals: run.outcome?.proposals ?? [],
      ...(run.error ? { error: run.error } : {}),
      solveMs: run.solveMs,
      createdAt: run.createdAt,
      finishedAt: run.finishedAt,
      appliedAt: run.appliedAt,
    };
  }
}

/** A run in the term's list: no proposals and no unplaced students (GET /allocation-runs/{id} has them). */
export class AllocationRunSummaryResponse {
  id: string;
  termId: string;
  status: AllocationRunStatus;
  placed: number | null;
  totalCost: number | null;
  error?: string;
  solveMs: number | null;
  createdAt: Date;
  finishedAt: Date | null;
  appliedAt: Date | null;

  static of(run: AllocationRunSummary): AllocationRunSummaryResponse {
    return {
      id: run.id,
      termId: run.termId,
      status: run.status,
      placed: run.placed,
      totalCost: run.totalCost,
      ...(run.error ? { error: run.error } : {}),
      solveMs: run.solveMs,
      createdAt: run.createdAt,
      finishedAt: run.finishedAt,
      appliedAt: run.appliedAt,
    };
  }
}

export class AllocationRunQueuedResponse {
  id: string;
  status: AllocationRunStatus;
}
