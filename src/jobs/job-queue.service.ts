import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { JobsOptions, Queue } from 'bullmq';
import { JobName, JobPayloads, QUEUE_OF, QueueName } from './job-types';

const DEFAULTS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 14 * 24 * 3600 },
};

const PING_TIMEOUT_MS = 2_000;

/** The one way to enqueue a job: typed by job name, retried with backoff by default. */
@Injectable()
export class JobQueueService {
  private readonly logger = new Logger(JobQueueService.name);
  private readonly queues: Record<QueueName, Queue>;
  private lastError = '';

  constructor(@InjectQueue(QueueName.System) system: Queue) {
    this.queues = { [QueueName.System]: system };
    // Without a listener BullMQ prints every reconnect failure to the console.
    for (const queue of Object.values(this.queues)) {
      queue.on('error', (error) => {
        if (error.message === this.lastError) return;
        this.lastError = error.message;
        this.logger.warn(`Queue ${queue.name} connection problem: ${error.message}`);
      });
    }
  }

  /** `jobId` de-duplicates: a job with the same id is not queued twice (no ':' allowed). */
  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: JobsOptions = {}): Promise<string> {
    const job = await this.queues[QUEUE_OF[name]].add(name, payload, { ...DEFAULTS, ...options });
    return job.id!;
  }

  /** Resolves when every queue's backend answers; rejects after a short timeout otherwise. */
  async ping(): Promise<void> {
    await Promise.all(
      Object.values(this.queues).map((queue) => {
        let timer: NodeJS.Timeout | undefined;
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`queue ${queue.name} did not answer`)), PING_TIMEOUT_MS);
        });
        return Promise.race([queue.getJobCounts('waiting'), timeout]).finally(() => clearTimeout(timer));
      }),
    );
  }
}
