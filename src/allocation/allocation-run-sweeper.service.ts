import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { JobQueueService } from '../jobs/job-queue.service';
import { JobName } from '../jobs/job-types';
import { PeriodicTask } from '../jobs/periodic-task';
import { allocationJobId, AllocationService, failureReason } from './allocation.service';
import { AllocationRun } from './entities/allocation-run.entity';

const BATCH = 100;
// A run's job is added right after the run is written (or the run is failed at once): a younger run may not have it yet.
const GRACE_MS = 60_000;

/**
 * The safety net behind the workers' `failed` event: runs in every worker process, on a timer,
 * and fails queued or running runs whose job has ended or is gone (a Redis that lost its data,
 * an event missed because the worker died), so no run waits for ever.
 */
@Injectable()
export class AllocationRunSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task = new PeriodicTask('Allocation run sweep', () => this.sweep());

  constructor(
    private readonly allocation: AllocationService,
    private readonly jobs: JobQueueService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(this.config.env.JOB_STALL_CHECK_MS);
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** One pass now (the timer's, or a test's). */
  tick(): Promise<void> {
    return this.task.tick();
  }

  private async sweep(): Promise<void> {
    for (const run of await this.allocation.unfinished(GRACE_MS, BATCH)) await this.check(run);
  }

  private async check(run: AllocationRun): Promise<void> {
    const jobId = allocationJobId(run.id);
    const state = await this.jobs.stateOf(JobName.AllocationRun, jobId);
    // The update only touches a run still queued or running, so a run that finished meanwhile stays as it is.
    if (state === 'unknown') {
      await this.allocation.markFailed(run.id, 'Its job is no longer in the queue (the queue lost its data)');
    } else if (state === 'failed') {
      const reason = await this.jobs.failedReason(JobName.AllocationRun, jobId);
      await this.allocation.markFailed(run.id, failureReason(reason ?? 'no reason recorded'));
    } else if (state === 'completed') {
      await this.allocation.markFailed(run.id, 'Its job ended without finishing the run');
    }
  }
}
