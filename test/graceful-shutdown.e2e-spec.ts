import { ChildProcess, execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { freePort } from './support/own-redis';
import { ROOT, startServiceProcess, stopServiceProcess } from './support/service-process';
import { createTestDatabase, TEST_REDIS_URL } from './support/test-app';

interface Answer {
  at: number;
  status?: number;
  connection?: string;
  heartbeatId?: string;
  error?: string;
}

/** One write (a heartbeat: a row, then a job) on the agent's kept-alive connections. */
function post(agent: Agent, port: number, token: string): Promise<Answer> {
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path: '/api/system/heartbeats',
        method: 'POST',
        agent,
        headers: { authorization: `Bearer ${token}`, 'content-length': 0 },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve({
            at: Date.now(),
            status: res.statusCode,
            connection: res.headers.connection,
            heartbeatId: res.statusCode === 202 ? (JSON.parse(body) as { id: string }).id : undefined,
          }),
        );
      },
    );
    req.on('error', (error: NodeJS.ErrnoException) => resolve({ at: Date.now(), error: error.code ?? error.message }));
    req.end();
  });
}

/** Whether a new connection is refused (the server stopped accepting). */
function refused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request({ host: '127.0.0.1', port, path: '/api/health', agent: false }, (res) => {
      res.resume();
      resolve(false);
    });
    req.on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
    req.end();
  });
}

/**
 * The built service (`node dist/main`, API and worker in one, as `npm start` runs it) under a
 * steady load of writes from keep-alive clients, stopped with SIGTERM while some writes wait in
 * the database.
 */
describe('SIGTERM under keep-alive load', () => {
  let service: ChildProcess | undefined;
  let lock: Client | undefined;
  afterEach(async () => {
    await lock?.end().catch(() => undefined);
    await stopServiceProcess(service, 'SIGKILL');
  });

  async function start(extra: Record<string, string> = {}) {
    const port = await freePort();
    const databaseUrl = await createTestDatabase();
    const env = {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      REDIS_URL: TEST_REDIS_URL,
      JWT_SECRET: randomBytes(32).toString('hex'),
      SMTP_URL: 'smtp://127.0.0.1:9',
      QUEUE_PREFIX: `s${randomBytes(4).toString('hex')}`,
      LOG_LEVEL: 'warn',
      ...extra,
    };
    const started = await startServiceProcess('all', env, 'listening on');
    service = started.child;
    const password = 'shutdown-test-pw-1';
    await promisify(execFile)(
      process.execPath,
      [join(ROOT, 'dist/cli.js'), 'create-user', '--email', 'ops@stockholm.se', '--name', 'Ops'].concat([
        '--role',
        'coordinator',
        '--password',
        password,
      ]),
      { env, cwd: ROOT },
    );
    const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'ops@stockholm.se', password }),
    });
    const { accessToken } = (await login.json()) as { accessToken: string };
    const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
      started.child.once('exit', (code) => resolve({ code, at: Date.now() })),
    );
    return { port, databaseUrl, token: accessToken, exited, output: started.output };
  }

  /** Keep-alive clients writing one after another until a write finds no server; returns their answers. */
  function load(port: number, token: string, clients: number) {
    const agent = new Agent({ keepAlive: true, maxSockets: clients });
    const answers: Answer[] = [];
    const done = Promise.all(
      Array.from({ length: clients }, async () => {
        for (;;) {
          const answer = await post(agent, port, token);
          answers.push(answer);
          if (answer.error) return;
        }
      }),
    ).finally(() => agent.destroy());
    return { answers, done };
  }

  /** Holds writes to the heartbeats table until released: requests and jobs wait in the database. */
  async function holdWrites(databaseUrl: string, waiting: number) {
    lock = new Client({ connectionString: databaseUrl });
    await lock.connect();
    await lock.query('BEGIN');
    await lock.query('LOCK TABLE heartbeats IN SHARE MODE');
    let n = 0;
    for (let i = 0; i < 250 && n < waiting; i++) {
      if (i) await sleep(20);
      const { rows } = await lock.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND application_name = 'vfu'`,
      );
      n = rows[0].n;
    }
    expect(n).toBeGreaterThanOrEqual(waiting);
    return lock;
  }

  async function heartbeatIds(databaseUrl: string): Promise<string[]> {
    const client = new Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      return (await client.query<{ id: string }>('SELECT id FROM heartbeats ORDER BY id')).rows.map((r) => r.id);
    } finally {
      await client.end();
    }
  }

  it('stops accepting, answers every write it took in (Connection: close), and exits 0 within SHUTDOWN_TIMEOUT_MS', async () => {
    const { port, databaseUrl, token, exited, output } = await start();
    const { answers, done } = load(port, token, 6);
    while (answers.length < 30) await sleep(20);
    const held = await holdWrites(databaseUrl, 3);

    const sigterm = Date.now();
    service!.kill('SIGTERM');
    let stoppedAccepting = false;
    for (let i = 0; i < 100 && !stoppedAccepting; i++) {
      stoppedAccepting = await refused(port);
      if (!stoppedAccepting) await sleep(20);
    }
    expect(stoppedAccepting).toBe(true);
    // The writes in flight finish only now, after the server stopped accepting.
    const released = Date.now();
    await held.query('COMMIT');
    const { code, at } = await exited;
    await done;
    const shutdownMs = at - sigterm;
    process.stdout.write(
      `SIGTERM under keep-alive load: exit ${code} after ${shutdownMs} ms; ${answers.filter((a) => a.at > sigterm && a.status).length} write(s) answered after SIGTERM\n`,
    );

    expect({ code, output: code === 0 ? '' : output() }).toEqual({ code: 0, output: '' });
    expect(shutdownMs).toBeLessThan(10_000);
    const answered = answers.filter((a) => a.status !== undefined);
    expect(answered.map((a) => a.status)).toEqual(answered.map(() => 202));
    // Those waiting in the database when the signal came were answered, and told the connection closes.
    // (Counted from the release: an answer sent just before the signal may arrive just after it.)
    const late = answered.filter((a) => a.at > released);
    expect(late.length).toBeGreaterThanOrEqual(3);
    expect(late.map((a) => a.connection)).toEqual(late.map(() => 'close'));
    // Every answered write exists, and no write exists that was not answered.
    expect(await heartbeatIds(databaseUrl)).toEqual(answered.map((a) => a.heartbeatId).sort());
    // Each client ended on a refused connection, never on a request cut half-way.
    expect(answers.filter((a) => a.error).map((a) => a.error)).toEqual(Array.from({ length: 6 }, () => 'ECONNREFUSED'));
  }, 60_000);

  it('cuts what is still running at the deadline and exits 1', async () => {
    const { port, databaseUrl, token, exited } = await start({ SHUTDOWN_TIMEOUT_MS: '1500' });
    const { answers, done } = load(port, token, 3);
    while (answers.length < 10) await sleep(20);
    await holdWrites(databaseUrl, 3);

    const sigterm = Date.now();
    service!.kill('SIGTERM');
    const { code, at } = await exited;
    await done;
    process.stdout.write(`SIGTERM past the deadline (1500 ms): exit ${code} after ${at - sigterm} ms\n`);
    expect(code).toBe(1);
    expect(at - sigterm).toBeGreaterThanOrEqual(1_400);
    expect(at - sigterm).toBeLessThan(4_000);
    await lock!.query('COMMIT');
    // The cut writes were never committed: still, only answered writes exist.
    const answered = answers.filter((a) => a.status === 202);
    expect(await heartbeatIds(databaseUrl)).toEqual(answered.map((a) => a.heartbeatId).sort());
  }, 60_000);
});
