import { Processor } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { JobHandlers, JobProcessor } from '../jobs/job-processor';
import { JobName, JobPayloads, QueueName } from '../jobs/job-types';
import { WORKER_OPTIONS } from '../jobs/queue-connection';
import { AllocationService, failureReason } from './allocation.service';

@Processor(QueueName.Allocation, WORKER_OPTIONS)
export class AllocationProcessor extends JobProcessor {
  constructor(private readonly allocation: AllocationService) {
    super();
  }

  readonly handlers: JobHandlers = {
    [JobName.AllocationRun]: ({ runId }) => this.allocation.execute(runId),
  };

  /** A run is never left running once its job has given up, so the coordinator sees it and starts another. */
  protected override async onGaveUp(job: Job, error: Error): Promise<void> {
    if (job.name !== (JobName.AllocationRun as string)) return;
    const { runId } = job.data as JobPayloads[JobName.AllocationRun];
    await this.allocation.markFailed(runId, failureReason(error.message));
  }
}
