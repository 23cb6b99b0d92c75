import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { AppConfig } from '../config/app-config';
import { JobQueueService } from '../jobs/job-queue.service';

/** Terminus has no BullMQ indicator: this one asks every queue for a count, on either backend. */
@Injectable()
export class QueueHealthIndicator {
  constructor(
    private readonly indicator: HealthIndicatorService,
    private readonly jobs: JobQueueService,
    private readonly config: AppConfig,
  ) {}

  async check(key: string) {
    const health = this.indicator.check(key);
    try {
      await this.jobs.ping();
      return health.up({ backend: this.config.queueBackend });
    } catch (error) {
      return health.down({ backend: this.config.queueBackend, message: (error as Error).message });
    }
  }
}
