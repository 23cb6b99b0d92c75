import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { STOCKHOLM } from '../common/time/stockholm';
import { JobQueueService } from './job-queue.service';
import { JOB_SCHEDULES, QUEUE_OF } from './job-types';

// A Redis that restarted without its data has lost the schedulers; they are checked this often.
const RECHECK_MS = 10 * 60_000;

/** Registers every repeating job at worker start, and again whenever one has gone missing. */
@Injectable()
export class JobSchedulesKeeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(JobSchedulesKeeper.name);
  private timer?: NodeJS.Timeout;

  constructor(private readonly jobs: JobQueueService) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.ensure(true);
    this.timer = setInterval(
      () =>
        void this.ensure(false).catch((error: Error) =>
          this.logger.warn(`Job schedulers not checked: ${error.message}`),
        ),
      RECHECK_MS,
    );
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** Upserts each scheduler (all of them at start, only missing ones afterwards). */
  async ensure(all: boolean): Promise<void> {
    for (const schedule of JOB_SCHEDULES) {
      const queue = this.jobs.queueOf(QUEUE_OF[schedule.job]);
      if (!all && (await queue.getJobScheduler(schedule.id))) continue;
      await queue.upsertJobScheduler(
        schedule.id,
        { pattern: schedule.pattern, tz: STOCKHOLM },
        { name: schedule.job, data: {} },
      );
      if (!all) this.logger.warn(`Job scheduler ${schedule.id} was missing and is registered again`);
    }
  }
}
