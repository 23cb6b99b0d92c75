import { Logger } from '@nestjs/common';
import { Job, UnrecoverableError } from 'bullmq';
import { JobHandlers, JobProcessor } from './job-processor';

class Recording extends JobProcessor {
  readonly handlers: JobHandlers = {};
  readonly gaveUp: string[] = [];

  protected override onGaveUp(job: Job, error: Error): Promise<void> {
    this.gaveUp.push(`${job.id}: ${error.message}`);
    return Promise.resolve();
  }
}

const job = (over: Partial<Job>) =>
  ({ id: 'j1', name: 'allocation-run', attemptsMade: 1, opts: { attempts: 3 }, ...over }) as Job;

describe('JobProcessor, a failed job', () => {
  beforeAll(() => Logger.overrideLogger(false));

  it('is handed to onGaveUp only when BullMQ will not try it again', () => {
    const sut = new Recording();
    sut.onFailed(job({ attemptsMade: 1 }), new Error('connection reset'));
    sut.onFailed(job({ id: 'j2', attemptsMade: 3 }), new Error('still failing'));
    sut.onFailed(job({ id: 'j3', finishedOn: 1 }), new Error('moved to failed'));
    // A job whose worker died too often: failed by the next worker to take it, whatever attempts remain.
    sut.onFailed(job({ id: 'j4' }), new UnrecoverableError('job stalled more than allowable limit'));
    expect(sut.gaveUp).toEqual([
      'j2: still failing',
      'j3: moved to failed',
      'j4: job stalled more than allowable limit',
    ]);
  });
});
