import type { INestApplicationContext } from '@nestjs/common';
import { isDatabaseUnavailable } from './common/errors/to-app-error';
import { HttpDrain } from './common/http/http-drain';
import type { EmbeddedDatabase } from './database/embedded-postgres';

// Past the deadline, closing what is left (the embedded PostgreSQL above all) gets this much longer.
const LAST_STEPS_GRACE_MS = 5_000;

type Outcome = 'done' | 'late' | Error;

/** How `promise` settled by `deadline` (epoch ms); it runs on if late. */
async function by(promise: Promise<unknown>, deadline: number): Promise<Outcome> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), Math.max(0, deadline - Date.now()));
  });
  try {
    return await Promise.race([
      promise.then(
        (): 'done' => 'done',
        (error: Error) => error,
      ),
      late,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The service's own order on SIGTERM and SIGINT (not a package's): stop accepting connections and
 * let the requests in flight finish, then close the application (workers finish their jobs, the
 * queue connections close, then the database pool), then stop the embedded PostgreSQL. Exits 0
 * when all of it finished within SHUTDOWN_TIMEOUT_MS; at the deadline what is left is cut and the
 * exit code is 1. The parts are set as the start reaches them.
 */
export class Shutdown {
  app?: INestApplicationContext;
  http?: HttpDrain;
  embedded?: EmbeddedDatabase;
  private started?: number;

  constructor(
    private readonly timeoutMs: number,
    private readonly say: (message: string) => void,
  ) {
    for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => this.onSignal(signal));
  }

  private onSignal(signal: NodeJS.Signals): void {
    // npm passes a terminal's Ctrl-C on as well: a second signal must not cut the first one's work short.
    if (this.started !== undefined) return this.say(`${signal} received again; already shutting down`);
    this.started = Date.now();
    this.say(`${signal} received, shutting down (deadline ${this.timeoutMs} ms)`);
    // A terminal's Ctrl-C stops the embedded PostgreSQL at the same moment, and a client whose
    // listeners are already removed then throws the cut: expected now, and no reason to fail.
    process.on('uncaughtException', (error) => {
      if (isDatabaseUnavailable(error))
        return this.say(`A database connection was cut while closing: ${error.message}`);
      this.say(`Uncaught error while shutting down: ${error.stack ?? String(error)}`);
      process.exit(1);
    });
    setTimeout(() => {
      this.say('Shutdown did not finish in time; exiting now');
      process.exit(1);
    }, this.timeoutMs + LAST_STEPS_GRACE_MS).unref();
    void this.run(this.started + this.timeoutMs).then((inTime) => {
      this.say(`Shut down in ${Date.now() - this.started!} ms${inTime ? '' : ', past the deadline'}`);
      process.exit(inTime ? 0 : 1);
    });
  }

  private async run(deadline: number): Promise<boolean> {
    let inTime = true;
    if (this.http && !(await this.http.drain(deadline))) {
      inTime = false;
      this.say(`Deadline passed: ${this.http.pending} request(s) cut off`);
    }
    if (this.app) {
      const closed = await by(this.app.close(), deadline);
      if (closed !== 'done') {
        inTime = false;
        this.say(
          closed === 'late' ? 'Deadline passed: jobs or connections still open' : `Closing failed: ${closed.message}`,
        );
      }
    }
    if (this.embedded) {
      const stopped = await by(this.embedded.stop(), deadline + LAST_STEPS_GRACE_MS);
      if (stopped !== 'done') {
        inTime = false;
        this.say(`Embedded PostgreSQL did not stop cleanly: ${stopped === 'late' ? 'too slow' : stopped.message}`);
      }
    }
    return inTime;
  }
}
