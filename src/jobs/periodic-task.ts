import { Logger } from '@nestjs/common';

/**
 * Work a process does on a timer rather than as a queue job (it must go on when the queue has
 * lost its jobs): never two passes at once, and stopping waits for the pass in flight.
 */
export class PeriodicTask {
  private readonly logger: Logger;
  private timer?: NodeJS.Timeout;
  private running?: Promise<void>;

  constructor(
    private readonly name: string,
    private readonly pass: () => Promise<void>,
  ) {
    this.logger = new Logger(name);
  }

  start(everyMs: number): void {
    this.timer = setInterval(() => void this.tick(), everyMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  /** One pass now; while one is under way, that one is awaited instead of starting another. */
  tick(): Promise<void> {
    if (this.running) return this.running;
    this.running = this.pass()
      .catch((error: Error) => this.logger.warn(`${this.name} failed, will try again: ${error.message}`))
      .finally(() => (this.running = undefined));
    return this.running;
  }
}
