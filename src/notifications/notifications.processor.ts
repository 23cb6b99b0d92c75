import { Processor } from '@nestjs/bullmq';
import { JobHandlers, JobProcessor } from '../jobs/job-processor';
import { JobName, QueueName } from '../jobs/job-types';
import { WORKER_OPTIONS } from '../jobs/queue-connection';
import { DeliveryService } from './delivery.service';

@Processor(QueueName.Notifications, WORKER_OPTIONS)
export class NotificationsProcessor extends JobProcessor {
  constructor(private readonly delivery: DeliveryService) {
    super();
  }

  readonly handlers: JobHandlers = {
    [JobName.DeliverNotification]: (_payload, job) => this.delivery.deliver(job),
  };
}
