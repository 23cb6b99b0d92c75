import { Processor } from '@nestjs/bullmq';
import { JobHandlers, JobProcessor } from '../jobs/job-processor';
import { JobName, QueueName } from '../jobs/job-types';
import { WORKER_OPTIONS } from '../jobs/queue-connection';
import { RemindersService } from './reminders.service';

@Processor(QueueName.Reminders, WORKER_OPTIONS)
export class RemindersProcessor extends JobProcessor {
  constructor(private readonly reminders: RemindersService) {
    super();
  }

  readonly handlers: JobHandlers = {
    [JobName.ReportingReminders]: () => this.reminders.run(),
  };
}
