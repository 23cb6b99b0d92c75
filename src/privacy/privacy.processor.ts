import { Processor } from '@nestjs/bullmq';
import { JobHandlers, JobProcessor } from '../jobs/job-processor';
import { JobName, QueueName } from '../jobs/job-types';
import { PrivacyService } from './privacy.service';

@Processor(QueueName.Privacy)
export class PrivacyProcessor extends JobProcessor {
  constructor(private readonly privacy: PrivacyService) {
    super();
  }

  readonly handlers: JobHandlers = {
    [JobName.PersonalDataRetention]: () => this.privacy.purgeExpired(),
  };
}
