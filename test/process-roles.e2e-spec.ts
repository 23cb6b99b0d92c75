import { ChildProcess, execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { loadConfig } from '../src/config/app-config';
import { freePort } from './support/own-redis';
import {
  ROOT as root,
  startServiceProcess as startProcess,
  stopServiceProcess as stop,
} from './support/service-process';
import { createTestDatabase, TEST_REDIS_URL } from './support/test-app';
import { openQueues, waitUntilQuiet } from './support/wait-for-idle';

/** Production's layout: API and worker as separate processes behind one PostgreSQL and one Redis. */
describe('separate api and worker processes (DATABASE_URL and REDIS_URL set)', () => {
  let api: ChildProcess | undefined;
  let worker: ChildProcess | undefined;
  afterAll(async () => {
    await stop(api);
    await stop(worker);
  }, 30_000);

  it('the api serves HTTP but runs no jobs; the worker runs them', async () => {
    const port = await freePort();
    const env = {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: await createTestDatabase(),
      REDIS_URL: TEST_REDIS_URL,
      JWT_SECRET: randomBytes(32).toString('hex'),
      // Production needs a mail server; nothing here sends mail.
      SMTP_URL: 'smtp://127.0.0.1:9',
      QUEUE_PREFIX: `p${randomBytes(4).toString('hex')}`,
      LOG_LEVEL: 'warn',
    };
    const base = `http://127.0.0.1:${port}/api`;
    api = (await startProcess('api', env, 'OpenAPI UI at')).child;

    await promisify(execFile)(
      process.execPath,
      [
        join(root, 'dist/cli.js'),
        'create-user',
        '--email',
        'ops@stockholm.se',
        '--name',
        'Ops',
        '--role',
        'coordinator',
        '--password',
        'operations-pw-1',
      ],
      { env, cwd: root },
    );
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ops@stockholm.se', password: 'operations-pw-1' }),
    });
    const auth = { Authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
    const { id } = (await (await fetch(`${base}/system/heartbeats`, { method: 'POST', headers: auth })).json()) as {
      id: string;
    };
    const read = async () =>
      (await (await fetch(`${base}/system/heartbeats/${id}`, { headers: auth })).json()) as {
        status: string;
        processedBy: string | null;
      };

    // The queue is in Redis, the api in another process: no worker may appear on any queue, nor any job move on.
    const queues = openQueues(loadConfig(env));
    const stirring = async () =>
      (
        await Promise.all(
          queues.map(async (queue) => {
            const counts = {
              ...(await queue.getJobCounts('active', 'completed', 'failed')),
              workers: await queue.getWorkersCount(),
            };
            return Object.entries(counts)
              .filter(([, n]) => n > 0)
              .map(([what, n]) => `${queue.name}: ${n} ${what}`);
          }),
        )
      ).flat();
    try {
      await waitUntilQuiet(stirring);
    } finally {
      await Promise.all(queues.map((queue) => queue.close()));
    }
    expect(await read()).toMatchObject({ status: 'queued', processedBy: null });

    worker = (await startProcess('worker', env, 'VFU worker running jobs')).child;
    let beat = await read();
    for (let i = 0; i < 100 && beat.status !== 'done'; i++) {
      await sleep(100);
      beat = await read();
    }
    expect(beat).toMatchObject({ status: 'done', processedBy: expect.stringMatching(new RegExp(`:${worker.pid}$`)) });
  }, 60_000);
});
