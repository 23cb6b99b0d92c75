import { ChildProcess } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { Role } from '../src/common/auth/role';
import { createTerm } from './factories/terms';
import { SignedInUser, signedInUser } from './factories/users';
import { startServiceProcess, stopServiceProcess } from './support/service-process';
import { startTestApp, TEST_REDIS_URL, TestApp } from './support/test-app';

// Workers find a job whose worker died (and runs whose job is gone) after about this long.
const STALL_CHECK_MS = 500;

/** Polls `probe` until it returns something, for up to 20 s. */
async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const found = await probe();
    if (found !== undefined) return found;
    await sleep(100);
  }
  throw new Error(`${what}: not within 20 s`);
}

/**
 * Allocation runs on worker processes that die: the API in this process, the workers as the built
 * service (`node dist/main worker`) on the same PostgreSQL and Redis, killed with SIGKILL.
 */
describe('allocation runs whose worker dies', () => {
  let t: TestApp;
  let admin: SignedInUser;
  let env: NodeJS.ProcessEnv;
  const workers: ChildProcess[] = [];

  beforeAll(async () => {
    t = await startTestApp({ role: 'api', env: { JOB_STALL_CHECK_MS: String(STALL_CHECK_MS) } });
    admin = await signedInUser(t, Role.Coordinator);
    env = {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: t.config.databaseUrl,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: t.config.env.QUEUE_PREFIX,
      JWT_SECRET: t.config.env.JWT_SECRET,
      DATA_DIR: t.config.dataDir,
      LOG_LEVEL: 'warn',
      JOB_STALL_CHECK_MS: String(STALL_CHECK_MS),
    };
  });

  afterAll(async () => {
    for (const worker of workers) await stopServiceProcess(worker);
    await t.close();
  }, 30_000);

  const startWorker = async () => {
    const { child } = await startServiceProcess('worker', env, 'VFU worker running jobs');
    workers.push(child);
    return child;
  };
  const kill = async (worker: ChildProcess) => {
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.kill('SIGKILL');
    await exited;
  };
  const run = async (id: string) =>
    (await t.http().get(`/api/allocation-runs/${id}`).set(admin.auth).expect(200)).body as {
      status: string;
      error?: string;
    };
  const startedAt = async (id: string): Promise<number | undefined> => {
    const [row] = await t.dataSource.query<{ started_at: Date | null }[]>(
      'SELECT started_at FROM allocation_runs WHERE id = $1',
      [id],
    );
    return row.started_at?.getTime();
  };

  it('fails a run whose worker was killed twice, with the reason, and a new run then succeeds', async () => {
    const term = await createTerm(t, admin, {}, 'reporting');
    // The job waits in the database once it has marked the run running, so a worker killed then dies mid-run.
    const lock = new Client({ connectionString: t.config.databaseUrl });
    await lock.connect();
    await lock.query('BEGIN');
    await lock.query('LOCK TABLE assignments IN ACCESS EXCLUSIVE MODE');
    try {
      const started = await t.http().post(`/api/terms/${term.code}/allocation-runs`).set(admin.auth).expect(202);
      const id = started.body.id as string;

      let previous: number | undefined;
      for (const attempt of [1, 2]) {
        const worker = await startWorker();
        previous = await until(`attempt ${attempt} running`, async () => {
          const at = await startedAt(id);
          return at !== undefined && at !== previous ? at : undefined;
        });
        expect(await run(id)).toMatchObject({ status: 'running' });
        await kill(worker);
      }
    } finally {
      await lock.query('COMMIT');
      await lock.end();
    }

    await startWorker();
    const [{ id }] = await t.dataSource.query<{ id: string }[]>('SELECT id FROM allocation_runs WHERE term_id = $1', [
      term.id,
    ]);
    const failed = await until('the run failed', async () => {
      const body = await run(id);
      return body.status === 'failed' ? body : undefined;
    });
    expect(failed).toMatchObject({
      status: 'failed',
      error: 'The worker running it stopped before it finished, too often (job stalled more than allowable limit)',
    });

    const again = await t.http().post(`/api/terms/${term.code}/allocation-runs`).set(admin.auth).expect(202);
    const succeeded = await until('the new run finished', async () => {
      const body = await run(again.body.id as string);
      return body.status === 'succeeded' || body.status === 'failed' ? body : undefined;
    });
    expect(succeeded).toMatchObject({ status: 'succeeded', placed: 0 });
  }, 90_000);

  it('fails a queued or running run whose job is gone from the queue (as after Redis lost its data)', async () => {
    if (!workers.some((worker) => worker.exitCode === null)) await startWorker();
    const term = await createTerm(t, admin, {}, 'reporting');
    const [lost] = await t.dataSource.query<{ id: string }[]>(
      `INSERT INTO allocation_runs (term_id, status, started_at, created_at)
       VALUES ($1, 'running', now() - interval '1 hour', now() - interval '1 hour') RETURNING id`,
      [term.id],
    );
    const failed = await until('the lost run failed', async () => {
      const body = await run(lost.id);
      return body.status === 'failed' ? body : undefined;
    });
    expect(failed).toMatchObject({
      status: 'failed',
      error: 'Its job is no longer in the queue (the queue lost its data)',
    });
  }, 30_000);
});
