import { OnWorkerEvent, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { JobName, JobPayloads } from './job-types';

export type JobHandlers = { [N in JobName]?: (payload: JobPayloads[N], job: Job) => Promise<unknown> };

/**
 * A queue's worker: dispatches each job to the handler for its name. Handlers return early
 * when their entity is gone and throw only on transient failures, so the queue retries.
 */
export abstract class JobProcessor extends WorkerHost {
  protected readonly logger = new Logger(this.constructor.name);
  abstract readonly handlers: JobHandlers;

  async process(job: Job): Promise<unknown> {
    const handler = this.handlers[job.name as JobName] as
      ((payload: unknown, job: Job) => Promise<unknown>) | undefined;
    if (!handler) throw new UnrecoverableError(`No handler for job ${job.name}`);
    return handler(job.data, job);
  }

  // BullMQ prints unhandled connection errors to the console; log them once per message instead.
  private lastError = '';

  @OnWorkerEvent('error')
  onError(error: Error): void {
    if (error.message === this.lastError) return;
    this.lastError = error.message;
    this.logger.warn(`Worker connection problem: ${error.message}`);
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.warn(`Job ${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`);
  }
}
