import { Processor } from '@nestjs/bullmq';
import { JobHandlers, JobProcessor } from '../jobs/job-processor';
import { JobName, QueueName } from '../jobs/job-types';
import { AllocationService } from './allocation.service';

@Processor(QueueName.Allocation)
export class AllocationProcessor extends JobProcessor {
  constructor(private readonly allocation: AllocationService) {
    super();
  }

  readonly handlers: JobHandlers = {
    [JobName.AllocationRun]: ({ runId }) => this.allocation.execute(runId),
  };
}
