import { ChildProcess, execFile } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './support/own-redis';
import { ROOT, startServiceProcess, stopServiceProcess } from './support/service-process';

/**
 * The README's first command as a newcomer copies it: `npm run cli -- create-user ...` beside a
 * running `npm start` that was given its own PostgreSQL port (and data folder), with the CLI
 * told neither.
 */
describe('the CLI beside a running embedded server on a port of its own', () => {
  let server: ChildProcess | undefined;
  let output: () => string;
  let env: NodeJS.ProcessEnv;
  let port: number;
  const scratch = mkdtempSync(join(tmpdir(), 'vfu-cli-'));
  // As root, PostgreSQL runs as the postgres user and must enter these folders.
  chmodSync(scratch, 0o755);
  const dataDir = join(scratch, 'somewhere-else');
  // The registry of running servers lives in the temporary folder: this test's own, so that
  // servers of other tests running at the same time are not found.
  const runtimeDir = mkdtempSync(join(scratch, 'tmp-'));
  chmodSync(runtimeDir, 0o755);
  const elsewhere = mkdtempSync(join(scratch, 'cwd-'));

  beforeAll(async () => {
    port = await freePort();
    const {
      DATABASE_URL: _d,
      REDIS_URL: _r,
      JWT_SECRET: _j,
      DATA_DIR: _dd,
      EMBEDDED_PG_PORT: _p,
      ...rest
    } = process.env;
    env = { ...rest, NODE_ENV: 'development', TMPDIR: runtimeDir };
    const started = await startServiceProcess(
      'api',
      { ...env, PORT: String(port), DATA_DIR: dataDir, EMBEDDED_PG_PORT: String(await freePort()) },
      'First user:',
    );
    server = started.child;
    output = started.output;
  }, 90_000);

  afterAll(async () => {
    await stopServiceProcess(server);
    rmSync(scratch, { recursive: true, force: true });
  }, 30_000);

  const cli = (email: string, options: { env: NodeJS.ProcessEnv; cwd: string }) =>
    promisify(execFile)(
      process.execPath,
      [
        join(ROOT, 'dist/cli.js'),
        'create-user',
        '--email',
        email,
        '--name',
        'Anna Andersson',
        '--role',
        'coordinator',
        '--password',
        'at-least-10-characters',
      ],
      options,
    );

  const signIn = (email: string) =>
    fetch(`http://127.0.0.1:${port}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'at-least-10-characters' }),
    });

  it('names the web address as well as the API on the console', () => {
    expect(output()).toContain(`listening on http://localhost:${port}/api`);
    expect(output()).toContain(`Web interface (in Swedish) at http://localhost:${port}/`);
  });

  it('finds the server by its data folder, whatever its port', async () => {
    const { stdout } = await cli('anna@stockholm.se', { env: { ...env, DATA_DIR: dataDir }, cwd: ROOT });
    expect(stdout).toContain('Created coordinator anna@stockholm.se');
    expect((await signIn('anna@stockholm.se')).status).toBe(200);
  });

  it('finds the one running server when told neither its port nor its data folder', async () => {
    const { stdout } = await cli('bo@stockholm.se', { env, cwd: elsewhere });
    expect(stdout).toContain('Created coordinator bo@stockholm.se');
    expect((await signIn('bo@stockholm.se')).status).toBe(200);
  });

  it('says why, without the usage text, when it cannot start a PostgreSQL of its own', async () => {
    // A fresh folder and a port that something else (the service's HTTP server) holds.
    const failed = await cli('cia@stockholm.se', {
      env: { ...env, DATA_DIR: join(scratch, 'fresh'), EMBEDDED_PG_PORT: String(port) },
      cwd: ROOT,
    }).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 1 });
    const { stderr } = failed as { stderr: string };
    expect(stderr).toContain(
      `The embedded PostgreSQL did not start in ${join(scratch, 'fresh', 'postgres')} on port ${port}`,
    );
    expect(stderr).not.toMatch(/^undefined$|Usage:/m);
  }, 60_000);
});
