import { Processor } from '@nestjs/bullmq';
import { JobHandlers, JobProcessor } from '../jobs/job-processor';
import { JobName, QueueName } from '../jobs/job-types';
import { WORKER_OPTIONS } from '../jobs/queue-connection';
import { HeartbeatsService } from './heartbeats.service';
import { HousekeepingService } from './housekeeping.service';

@Processor(QueueName.System, WORKER_OPTIONS)
export class SystemProcessor extends JobProcessor {
  constructor(
    private readonly heartbeats: HeartbeatsService,
    private readonly housekeeping: HousekeepingService,
  ) {
    super();
  }

  readonly handlers: JobHandlers = {
    [JobName.Heartbeat]: ({ heartbeatId }) => this.heartbeats.beat(heartbeatId),
    [JobName.Housekeeping]: () => this.housekeeping.purge(),
  };
}
