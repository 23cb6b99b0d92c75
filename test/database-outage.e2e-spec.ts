import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';
import { SESSION_COOKIE, SessionsService } from '../src/auth/sessions/sessions.service';
import { Role } from '../src/common/auth/role';
import { runMigrations } from '../src/database/migrate';
import { UsersService } from '../src/users/users.service';
import { signedInUser } from './factories/users';
import { OwnPostgres } from './support/own-postgres';
import { freePort } from './support/own-redis';
import { startTestApp, TestApp } from './support/test-app';

/** The service on a PostgreSQL of the test's own, which the test stops and starts as a restart would. */
describe('PostgreSQL away (restarting)', () => {
  let pg: OwnPostgres;
  let t: TestApp;

  beforeAll(async () => {
    pg = new OwnPostgres(await freePort());
    await pg.init();
    await pg.start();
    const admin = new Client({ connectionString: pg.url() });
    await admin.connect();
    await admin.query('CREATE DATABASE vfu');
    await admin.end();
    await runMigrations(pg.url('vfu'));
    t = await startTestApp({ env: { DATABASE_URL: pg.url('vfu') } });
  }, 60_000);

  afterAll(async () => {
    await t?.close();
    await pg?.remove();
  }, 30_000);

  it('answers 503 with Retry-After on the API and the pages while it is away, and serves again once it is back, without a restart', async () => {
    const admin = await signedInUser(t, Role.Coordinator);
    const cookie = `${SESSION_COOKIE}=${await t.app.get(SessionsService).start((await t.app.get(UsersService).find(admin.id))!)}`;
    const read = () => t.http().get('/api/districts').set(admin.auth);
    const write = () => t.http().post('/api/system/heartbeats').set(admin.auth);
    const page = () => t.http().get('/stadsdelar').set('Cookie', cookie);
    expect((await read()).status).toBe(200);
    expect((await page()).status).toBe(200);

    // A request waiting in the database when it stops is cut there (57P01): the same 503.
    const locker = new Client({ connectionString: pg.url('vfu') });
    locker.on('error', () => undefined);
    await locker.connect();
    await locker.query('BEGIN');
    // Every cached read (the districts are one) first reads the data revision: hold that.
    await locker.query('LOCK TABLE data_revision IN ACCESS EXCLUSIVE MODE');
    const inFlight = read().then((response) => response);
    let waiting = 0;
    for (let i = 0; i < 250 && waiting === 0; i++) {
      if (i) await sleep(20);
      const { rows } = await locker.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND application_name = 'vfu'`,
      );
      waiting = rows[0].n;
    }
    expect(waiting).toBe(1);

    await pg.stop();
    await locker.end().catch(() => undefined);
    for (const response of [await inFlight, await read(), await write()]) {
      expect(response.status).toBe(503);
      expect(response.headers['retry-after']).toBe('5');
      expect(response.body).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        message: 'The database does not answer right now; try again shortly',
        code: 'database_unavailable',
        params: {},
      });
    }
    const down = await page();
    expect(down.status).toBe(503);
    expect(down.headers['retry-after']).toBe('5');
    expect(down.text).toContain('Tjänsten når inte sin databas just nu. Försök igen om en liten stund.');
    const health = await t.http().get('/api/health');
    expect(health.status).toBe(503);
    expect(health.body).toMatchObject({ error: { database: { status: 'down' } } });

    await pg.start();
    const back = Date.now();
    let status = 0;
    for (let i = 0; i < 100 && status !== 200; i++) {
      status = (await read()).status;
      if (status !== 200) await sleep(100);
    }
    process.stdout.write(`PostgreSQL back: the API answered 200 after ${Date.now() - back} ms\n`);
    expect(status).toBe(200);
    expect((await write()).status).toBe(202);
    expect((await page()).status).toBe(200);
    expect((await t.http().get('/api/health')).status).toBe(200);
  }, 60_000);
});
