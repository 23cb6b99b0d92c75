import { Processor } from '@nestjs/bullmq';
import { JobHandlers, JobProcessor } from '../jobs/job-processor';
import { JobName, QueueName } from '../jobs/job-types';
import { WORKER_OPTIONS } from '../jobs/queue-connection';
import { PrivacyService } from './privacy.service';

@Processor(QueueName.Privacy, WORKER_OPTIONS)
export class PrivacyProcessor extends JobProcessor {
  constructor(private readonly privacy: PrivacyService) {
    super();
  }

  readonly handlers: JobHandlers = {
    [JobName.PersonalDataRetention]: () => this.privacy.purgeExpired(),
  };
}
