import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UnrecoverableError } from 'bullmq';
import { DataSource, EntityManager, In, QueryFailedError } from 'typeorm';
import { AssignmentsService } from '../assignments/assignments.service';
import { Assignment, AssignmentStatus } from '../assignments/entities/assignment.entity';
import { AuditService } from '../audit/audit.service';
import { BalanceService } from '../balance/balance.service';
import { Actor } from '../common/auth/role';
import { AppError } from '../common/errors/app-error';
import { JobQueueService } from '../jobs/job-queue.service';
import { JobName } from '../jobs/job-types';
import { PlacementOffer } from '../offers/entities/placement-offer.entity';
import { effectiveCapacity, usablePlaces } from '../offers/supervisor-coverage';
import { Student } from '../students/entities/student.entity';
import { Supervisor } from '../supervisors/entities/supervisor.entity';
import { Term } from '../terms/entities/term.entity';
import { TermStatus } from '../terms/term-status';
import { TermsService } from '../terms/terms.service';
import { PlanInput, planAllocation } from './allocation-plan';
import { AllocationRun, AllocationRunStatus } from './entities/allocation-run.entity';

export enum AllocationErrorCode {
  NotReady = 'allocation_not_possible',
  RunNotApplicable = 'run_not_applicable',
  Stale = 'run_stale',
  QueueUnavailable = 'queue_unavailable',
}

/** Runs may be tried while reporting (a preview), and are made for real while allocating. */
const RUNNABLE: readonly TermStatus[] = [TermStatus.Reporting, TermStatus.Allocating, TermStatus.Published];

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
  ) {}

  async start(actor: Actor, code: string): Promise<AllocationRun> {
    const run = await this.dataSource.transaction(async (manager) => {
      const term = await this.terms.findByCode(code, manager);
      if (!RUNNABLE.includes(term.status)) {
        throw AppError.conflict(AllocationErrorCode.NotReady, `Allocation runs need a term that is reporting, allocating or published; ${term.code} is ${term.status}`);
      }
      const row = manager.create(AllocationRun, { termId: term.id, requestedBy: actor.id });
      await manager.insert(AllocationRun, row);
      await this.audit.record(manager, actor, { action: 'allocation.requested', entityType: 'allocation_run', entityId: row.id });
      return row;
    });
    try {
      await this.jobs.enqueue(JobName.AllocationRun, { runId: run.id }, { jobId: `allocation-run-${run.id}`, attempts: 3 });
    } catch (error) {
      await this.dataSource.manager.update(AllocationRun, { id: run.id }, { status: AllocationRunStatus.Failed, error: 'The job queue did not answer' });
      throw new AppError(HttpStatus.SERVICE_UNAVAILABLE, 'The job queue does not answer; try again shortly', AllocationErrorCode.QueueUnavailable);
    }
    return run;
  }

  async get(id: string): Promise<AllocationRun> {
    const run = await this.dataSource.manager.findOneBy(AllocationRun, { id });
    if (!run) throw AppError.notFound('Allocation run');
    return run;
  }

  async list(code: string): Promise<AllocationRun[]> {
    const term = await this.terms.findByCode(code);
    return this.dataSource.manager.find(AllocationRun, { where: { termId: term.id }, order: { createdAt: 'DESC' }, take: 50 });
  }

  /** The job: solves the term as it is now and stores the proposal. Pure computation, so a retry is safe. */
  async execute(runId: string): Promise<void> {
    const run = await this.dataSource.manager.findOneBy(AllocationRun, { id: runId });
    if (!run || run.status === AllocationRunStatus.Succeeded || run.status === AllocationRunStatus.Failed) return;
    await this.dataSource.manager.update(AllocationRun, { id: runId }, { status: AllocationRunStatus.Running, startedAt: new Date() });
    try {
      const input = await this.snapshot(this.dataSource.manager, run.termId);
      const started = performance.now();
      const plan = planAllocation(input);
      const solveMs = Math.round(performance.now() - started);
      await this.dataSource.manager.update(AllocationRun, { id: runId }, {
        status: AllocationRunStatus.Succeeded,
        placed: plan.placed,
        totalCost: plan.totalCost,
        outcome: {
          proposals: plan.proposals,
          unplaced: plan.unplaced,
          universities: plan.universities,
        },
        solveMs,
        finishedAt: new Date(),
      });
      this.logger.log(`Allocation run ${runId}: ${plan.placed} of ${input.students.length} placed, cost ${plan.totalCost}, ${solveMs} ms`);
    } catch (error) {
      await this.dataSource.manager.update(AllocationRun, { id: runId }, { status: AllocationRunStatus.Failed, error: (error as Error).message, finishedAt: new Date() });
      throw new UnrecoverableError(`Allocation run ${runId} failed: ${(error as Error).message}`);
    }
  }

  /**
   * Replaces the term's draft placements with the run's proposals, in one transaction. When the
   * term has changed so that a proposal no longer fits (a published placement, a smaller offer),
   * nothing is written and the answer says to run again.
   */
  async apply(actor: Actor, runId: string): Promise<{ applied: number }> {
    const run = await this.get(runId);
    if (run.status !== AllocationRunStatus.Succeeded) {
      throw AppError.conflict(AllocationErrorCode.RunNotApplicable, `Only a succeeded run can be applied; this one is ${run.status}`);
    }
    return this.dataSource.transaction(async (manager) => {
      const term = await manager.findOneByOrFail(Term, { id: run.termId });
      await this.assignments.lockForPlacing(manager, term.code);
      const proposals = run.outcome?.proposals ?? [];
      const removed = await manager.delete(Assignment, { termId: term.id, status: AssignmentStatus.Draft });
      const stale = () =>
        AppError.conflict(AllocationErrorCode.Stale, `${term.code} has changed since this run (placements, offers or supervisors); start a new run`);
      if (proposals.length && (await manager.existsBy(Assignment, { studentId: In(proposals.map((p) => p.studentId)) }))) throw stale();
      const students = new Map((await manager.findBy(Student, { id: In(proposals.map((p) => p.studentId)), termId: term.id })).map((s) => [s.id, s]));
      if (students.size !== proposals.length) throw stale();
      try {
        await manager.insert(
          Assignment,
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
      await manager.update(AllocationRun, { id: run.id }, { appliedAt: new Date() });
      await this.audit.record(manager, actor, {
        action: 'allocation.applied',
        entityType: 'allocation_run',
        entityId: run.id,
        changes: { draftsReplaced: { from: removed.affected ?? 0, to: proposals.length } },
      });
      return { applied: proposals.length };
    });
  }

  /** What the engine sees: unplaced students, and the room left beside published placements. */
  private async snapshot(manager: EntityManager, termId: string): Promise<PlanInput> {
    const term = await manager.findOneByOrFail(Term, { id: termId });
    const published = await manager.findBy(Assignment, { termId, status: AssignmentStatus.Published });
    const placed = new Set(published.map((a) => a.studentId));
    const students = (await manager.find(Student, { where: { termId }, order: { id: 'ASC' } })).filter((s) => !placed.has(s.id));
    const offers = await manager.find(PlacementOffer, { where: { termId }, relations: { supervisors: true } });
    const supervisorIds = [...new Set(offers.flatMap((o) => (o.supervisors ?? []).map((s) => s.id)))];
    const supervisors = supervisorIds.length ? await manager.findBy(Supervisor, { id: In(supervisorIds) }) : [];
    const atOffer = count(published.map((a) => a.offerId));
    const withSupervisor = count(published.map((a) => a.supervisorId));
    const ofUniversity = count(published.map((a) => a.universityId));
    const balance = await this.balance.of(manager, term);
    return {
      universities: balance.universities.map((u) => ({ id: u.universityId, quota: u.quota - (ofUniversity.get(u.universityId) ?? 0) })),
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
      supervisors: supervisors.map((s) => ({ id: s.id, free: effectiveCapacity(s) - (withSupervisor.get(s.id) ?? 0), trainingStatus: s.trainingStatus })),
    };
  }
}
