import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { JobsOptions, JobState, Queue } from 'bullmq';
import { JobName, JobPayloads, QUEUE_OF, QueueName } from './job-types';

const DEFAULTS: JobsOptions = {
  attempts: 8,
  backoff: { type: 'exponential', delay: 2_000 },
  removeOnComplete: { age: 24 * 3600, count: 1000 },
  removeOnFail: { age: 14 * 24 * 3600 },
};

const PING_TIMEOUT_MS = 2_000;
// While the backend is away BullMQ holds commands until it is back; callers should not wait that long.
const ENQUEUE_TIMEOUT_MS = 5_000;

/** Rejects when `promise` has not settled within `ms`; the promise itself runs on. */
function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The one way to enqueue a job: typed by job name, retried with backoff by default. */
@Injectable()
export class JobQueueService {
  private readonly logger = new Logger(JobQueueService.name);
  private readonly queues: Record<QueueName, Queue>;
  private lastError = '';

  constructor(
    @InjectQueue(QueueName.System) system: Queue,
    @InjectQueue(QueueName.Notifications) notifications: Queue,
    @InjectQueue(QueueName.Reminders) reminders: Queue,
    @InjectQueue(QueueName.Allocation) allocation: Queue,
    @InjectQueue(QueueName.Events) events: Queue,
    @InjectQueue(QueueName.Privacy) privacy: Queue,
  ) {
    this.queues = {
      [QueueName.System]: system,
      [QueueName.Notifications]: notifications,
      [QueueName.Reminders]: reminders,
      [QueueName.Allocation]: allocation,
      [QueueName.Events]: events,
      [QueueName.Privacy]: privacy,
    };
    // Without a listener BullMQ prints every reconnect failure to the console.
    for (const queue of Object.values(this.queues)) {
      queue.on('error', (error) => {
        if (error.message === this.lastError) return;
        this.lastError = error.message;
        this.logger.warn(`Queue ${queue.name} connection problem: ${error.message}`);
      });
    }
  }

  /**
   * `jobId` de-duplicates: a job with the same id is not queued twice (no ':' allowed). Rejects
   * when the queue does not answer in time; the job may still be added once it does.
   */
  async enqueue<N extends JobName>(name: N, payload: JobPayloads[N], options: JobsOptions = {}): Promise<string> {
    const queue = this.queues[QUEUE_OF[name]];
    const job = await within(
      queue.add(name, payload, { ...DEFAULTS, ...options }),
      ENQUEUE_TIMEOUT_MS,
      `queue ${queue.name}`,
    );
    return job.id!;
  }

  /**
   * Enqueues without making the caller wait for the queue: for work whose truth is already in
   * PostgreSQL (the outbox), which a sweeper enqueues again if this attempt is lost.
   */
  enqueueSoon<N extends JobName>(name: N, payload: JobPayloads[N], options: JobsOptions = {}): void {
    this.enqueue(name, payload, options).catch((error: Error) =>
      this.logger.warn(`Could not enqueue ${name} now, the sweeper will: ${error.message}`),
    );
  }

  /** The state of a job by id: `unknown` when the queue does not hold it (any more). */
  stateOf(name: JobName, jobId: string): Promise<JobState | 'unknown'> {
    const queue = this.queues[QUEUE_OF[name]];
    return within(queue.getJobState(jobId), PING_TIMEOUT_MS, `queue ${queue.name}`);
  }

  /** Why a job failed, while the queue still holds it. */
  async failedReason(name: JobName, jobId: string): Promise<string | undefined> {
    const queue = this.queues[QUEUE_OF[name]];
    const job = await within(queue.getJob(jobId), PING_TIMEOUT_MS, `queue ${queue.name}`);
    return job?.failedReason || undefined;
  }

  /** Resolves when every queue's backend answers; rejects after a short timeout otherwise. */
  async ping(): Promise<void> {
    await Promise.all(
      Object.values(this.queues).map((queue) =>
        within(queue.getJobCounts('waiting'), PING_TIMEOUT_MS, `queue ${queue.name}`),
      ),
    );
  }

  /** Every queue, for the dashboard. */
  all(): Queue[] {
    return Object.values(this.queues);
  }

  queueOf(name: QueueName): Queue {
    return this.queues[name];
  }
}
