import { Processor } from '@nestjs/bullmq';
import { JobHandlers, JobProcessor } from '../jobs/job-processor';
import { JobName, QueueName } from '../jobs/job-types';
import { RemindersService } from './reminders.service';

@Processor(QueueName.Reminders)
export class RemindersProcessor extends JobProcessor {
  constructor(private readonly reminders: RemindersService) {
    super();
  }

  readonly handlers: JobHandlers = {
    [JobName.ReportingReminders]: () => this.reminders.run(),
  };
}
