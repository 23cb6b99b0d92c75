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

  /**
   * A job that will not be tried again: its last attempt failed, or its worker died too often
   * ("job stalled more than allowable limit"). A processor whose entity records progress marks it here.
   */
  protected onGaveUp?(job: Job, error: Error): Promise<void>;

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, error: Error): void {
    this.logger.warn(`Job ${job?.name} ${job?.id} failed (attempt ${job?.attemptsMade}): ${error.message}`);
    if (!job || !this.onGaveUp || !isFinal(job, error)) return;
    this.onGaveUp(job, error).catch((cause: Error) =>
      this.logger.error(`Job ${job.name} ${job.id} gave up, and recording it failed: ${cause.message}`),
    );
  }
}

/** BullMQ stamps `finishedOn` on a job it moved to failed rather than back for a retry. */
function isFinal(job: Job, error: Error): boolean {
  return (
    job.finishedOn !== undefined ||
    error instanceof UnrecoverableError ||
    error.name === 'UnrecoverableError' ||
    job.attemptsMade >= (job.opts.attempts ?? 1)
  );
}
