import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import { DataSource, EntityManager, In, QueryFailedError, Raw } from 'typeorm';
import { anyPlaced, deleteDrafts, insertPlacements, publishedAssignments } from '../assignments/assignments.queries';
import { AssignmentsService } from '../assignments/assignments.service';
import { AuditService } from '../audit/audit.service';
import { Clock } from '../common/time/clock';
import { BalanceService } from '../balance/balance.service';
import { Actor } from '../common/auth/role';
import { AppError } from '../common/errors/app-error';
import type { PageQueryDto } from '../common/http/page-query.dto';
import { Paged, pageWindow, takeSkip } from '../common/http/paging';
import { ReadCache } from '../database/read-cache';
import { JobQueueService } from '../jobs/job-queue.service';
import { JobName } from '../jobs/job-types';
import { offersOfTermWithSupervisors } from '../offers/offers.queries';
import { effectiveCapacity, usablePlaces } from '../offers/supervisor-coverage';
import { studentsInTerm, studentsOfTermInOrder } from '../students/students.queries';
import { supervisorsByIds } from '../supervisors/supervisors.queries';
import { TermStatus } from '../terms/term-status';
import { termById } from '../terms/terms.queries';
import { TermsService } from '../terms/terms.service';
import { PlanInput, planAllocation } from './allocation-plan';
import { AllocationRunStatus } from './allocation-run-status';
import { AllocationRun, AllocationRunSummary, RUN_SUMMARY_SELECT } from './entities/allocation-run.entity';
import { AllocationErrors } from './allocation.errors';

const RUNS_PAGE = 50;

/** Runs may be tried while reporting (a preview), and are made for real while allocating. */
const RUNNABLE: readonly TermStatus[] = [TermStatus.Reporting, TermStatus.Allocating, TermStatus.Published];

/** The run's job id: one job per run, however often it is enqueued. */
export const allocationJobId = (runId: string) => `allocation-run-${runId}`;

/** Why the run failed, as the API's `error` says it. */
export function failureReason(jobError: string): string {
  return /stalled/i.test(jobError)
    ? `The worker running it stopped before it finished, too often (${jobError})`
    : `The job failed: ${jobError}`;
}

const count = <K>(keys: K[]) => keys.reduce((map, key) => map.set(key, (map.get(key) ?? 0) + 1), new Map<K, number>());

@Injectable()
export class AllocationService {
  private readonly logger = new Logger(AllocationService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly terms: TermsService,
    private readonly balance: BalanceService,
    private readonly assignments: AssignmentsService,
    private readonly jobs: JobQueueService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly cache: ReadCache,
  ) {}

  async start(actor: Actor, code: string): Promise<AllocationRun> {
    const run = await this.dataSource.transaction(async (manager) => {
      const term = await this.terms.findByCode(code, manager);
      if (!RUNNABLE.includes(term.status)) {
        throw AppError.of(AllocationErrors.allocation_not_possible, { termCode: term.code, status: term.status });
      }
      const row = manager.create(AllocationRun, { termId: term.id, requestedBy: actor.id });
      await manager.insert(AllocationRun, row);
      await this.audit.record(manager, actor, {
        action: 'allocation.requested',
        entityType: 'allocation_run',
        entityId: row.id,
      });
      return row;
    });
    try {
      await this.jobs.enqueue(
        JobName.AllocationRun,
        { runId: run.id },
        { jobId: allocationJobId(run.id), attempts: 3 },
      );
    } catch (error) {
      await this.dataSource.manager.update(
        AllocationRun,
        { id: run.id },
        { status: AllocationRunStatus.Failed, error: 'The job queue did not answer' },
      );
      throw AppError.of(AllocationErrors.queue_unavailable);
    }
    return run;
  }

  async get(id: string): Promise<AllocationRun> {
    const run = await this.dataSource.manager.findOneBy(AllocationRun, { id });
    if (!run) throw AppError.notFound('allocation_run');
    return run;
  }

  /**
   * Summaries, newest first: the last 50 unless `limit` says otherwise (the list never answered
   * whole). The outcome (a few hundred KB a run) stays in the database.
   */
  list(code: string, query: PageQueryDto = {}): Promise<Paged<AllocationRunSummary>> {
    const window = pageWindow(query, RUNS_PAGE);
    return this.cache.get(`runs:${code}:${window.take}:${window.skip}`, async () => {
      const term = await this.terms.findByCode(code);
      const [rows, total] = await this.dataSource.manager.findAndCount(AllocationRun, {
        select: RUN_SUMMARY_SELECT,
        where: { termId: term.id },
        order: { createdAt: 'DESC', id: 'DESC' },
        ...takeSkip(window),
      });
      return { rows, total };
    });
  }

  /** The job: solves the term as it is now and stores the proposal. Pure computation, so a retry is safe. */
  async execute(runId: string): Promise<void> {
    const run = await this.dataSource.manager.findOneBy(AllocationRun, { id: runId });
    if (!run || run.status === AllocationRunStatus.Succeeded || run.status === AllocationRunStatus.Failed) return;
    await this.dataSource.manager.update(
      AllocationRun,
      { id: runId },
      { status: AllocationRunStatus.Running, startedAt: this.clock.now() },
    );
    try {
      const input = await this.snapshot(this.dataSource.manager, run.termId);
      const started = performance.now();
      const plan = planAllocation(input);
      const solveMs = Math.round(performance.now() - started);
      await this.dataSource.manager.update(
        AllocationRun,
        { id: runId },
        {
          status: AllocationRunStatus.Succeeded,
          placed: plan.placed,
          totalCost: plan.totalCost,
          outcome: {
            proposals: plan.proposals,
            unplaced: plan.unplaced,
            universities: plan.universities,
          },
          solveMs,
          finishedAt: this.clock.now(),
        },
      );
      this.logger.log(
        `Allocation run ${runId}: ${plan.placed} of ${input.students.length} placed, cost ${plan.totalCost}, ${solveMs} ms`,
      );
    } catch (error) {
      await this.dataSource.manager.update(
        AllocationRun,
        { id: runId },
        { status: AllocationRunStatus.Failed, error: (error as Error).message, finishedAt: this.clock.now() },
      );
      throw new UnrecoverableError(`Allocation run ${runId} failed: ${(error as Error).message}`);
    }
  }

  /**
   * A run whose job ended without finishing it (its last attempt failed, its worker died too
   * often, or the job is gone) becomes failed, with why. A run that has finished is left as it is.
   */
  async markFailed(runId: string, reason: string): Promise<boolean> {
    const { affected } = await this.dataSource.manager.update(
      AllocationRun,
      { id: runId, status: In([AllocationRunStatus.Queued, AllocationRunStatus.Running]) },
      { status: AllocationRunStatus.Failed, error: reason, finishedAt: this.clock.now() },
    );
    if (affected) this.logger.warn(`Allocation run ${runId} failed: ${reason}`);
    return !!affected;
  }

  /** Queued or running runs created longer than `olderThanMs` ago (by the database's clock), oldest first. */
  unfinished(olderThanMs: number, take: number): Promise<AllocationRun[]> {
    return this.dataSource.manager.find(AllocationRun, {
      where: {
        status: In([AllocationRunStatus.Queued, AllocationRunStatus.Running]),
        createdAt: Raw((column) => `${column} < now() - make_interval(secs => :seconds)`, {
          seconds: olderThanMs / 1000,
        }),
      },
      order: { createdAt: 'ASC' },
      take,
    });
  }

  /**
   * Replaces the term's draft placements with the run's proposals, in one transaction. When the
   * term has changed so that a proposal no longer fits (a published placement, a smaller offer),
   * nothing is written and the answer says to run again.
   */
  async apply(actor: Actor, runId: string): Promise<{ applied: number }> {
    const run = await this.get(runId);
    if (run.status !== AllocationRunStatus.Succeeded) {
      throw AppError.of(AllocationErrors.run_not_applicable, { status: run.status });
    }
    return this.dataSource.transaction(async (manager) => {
      const term = await termById(manager, run.termId);
      await this.assignments.lockForPlacing(manager, term.code);
      const proposals = run.outcome?.proposals ?? [];
      const removed = await deleteDrafts(manager, term.id);
      const stale = () => AppError.of(AllocationErrors.run_stale, { termCode: term.code });
      if (
        proposals.length &&
        (await anyPlaced(
          manager,
          proposals.map((p) => p.studentId),
        ))
      )
        throw stale();
      const students = new Map(
        (
          await studentsInTerm(
            manager,
            term.id,
            proposals.map((p) => p.studentId),
          )
        ).map((s) => [s.id, s]),
      );
      if (students.size !== proposals.length) throw stale();
      try {
        await insertPlacements(
          manager,
          proposals.map((p) => ({
            termId: term.id,
            studentId: p.studentId,
            universityId: students.get(p.studentId)!.universityId,
            offerId: p.offerId,
            supervisorId: p.supervisorId,
            cost: p.cost,
            createdBy: actor.id,
          })),
        );
      } catch (error) {
        // The capacity trigger refused a row: an offer or supervisor has less room than the run saw.
        if (error instanceof QueryFailedError) throw stale();
        throw error;
      }
      const quotas = (await this.balance.of(manager, term)).universities;
      if (quotas.some((u) => u.assigned > u.quota)) throw stale();
      await manager.update(AllocationRun, { id: run.id }, { appliedAt: this.clock.now() });
      await this.audit.record(manager, actor, {
        action: 'allocation.applied',
        entityType: 'allocation_run',
        entityId: run.id,
        changes: { draftsReplaced: { from: removed, to: proposals.length } },
      });
      return { applied: proposals.length };
    });
  }

  /** What the engine sees: unplaced students, and the room left beside published placements. */
  private async snapshot(manager: EntityManager, termId: string): Promise<PlanInput> {
    const term = await termById(manager, termId);
    const published = await publishedAssignments(manager, termId);
    const placed = new Set(published.map((a) => a.studentId));
    const students = (await studentsOfTermInOrder(manager, termId)).filter((s) => !placed.has(s.id));
    const offers = await offersOfTermWithSupervisors(manager, termId);
    const supervisorIds = [...new Set(offers.flatMap((o) => (o.supervisors ?? []).map((s) => s.id)))];
    const supervisors = supervisorIds.length ? await supervisorsByIds(manager, supervisorIds) : [];
    const atOffer = count(published.map((a) => a.offerId));
    const withSupervisor = count(published.map((a) => a.supervisorId));
    const ofUniversity = count(published.map((a) => a.universityId));
    const balance = await this.balance.of(manager, term);
    return {
      universities: balance.universities.map((u) => ({
        id: u.universityId,
        quota: u.quota - (ofUniversity.get(u.universityId) ?? 0),
      })),
      students: students.map((s) => ({
        id: s.id,
        universityId: s.universityId,
        fieldPreferences: s.fieldPreferences,
        districtPreferences: s.districtPreferences,
        excludedDistrictIds: s.excludedDistrictIds,
      })),
      offers: offers.map((o) => ({
        id: o.id,
        districtId: o.districtId,
        field: o.field,
        free: usablePlaces(o.places, (o.supervisors ?? []).map(effectiveCapacity)) - (atOffer.get(o.id) ?? 0),
        supervisorIds: (o.supervisors ?? []).map((s) => s.id),
      })),
      supervisors: supervisors.map((s) => ({
        id: s.id,
        free: effectiveCapacity(s) - (withSupervisor.get(s.id) ?? 0),
        trainingStatus: s.trainingStatus,
      })),
    };
  }
}
