import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import { QueueName } from '../src/jobs/job-types';
import { HousekeepingService } from '../src/system/housekeeping.service';
import { JobSchedulesKeeper } from '../src/jobs/job-schedules.keeper';
import { Role } from '../src/common/auth/role';
import { UsersService } from '../src/users/users.service';
import { signedInUser } from './factories/users';
import { OwnRedis, freePort } from './support/own-redis';
import { startTestApp, TestApp } from './support/test-app';

async function heartbeatRoundTrip(t: TestApp): Promise<{ backend: string; status: string; processedBy: string }> {
  const admin = await signedInUser(t, Role.Coordinator);
  const queued = await t.http().post('/api/system/heartbeats').set(admin.auth).expect(202);
  expect(queued.body).toMatchObject({ id: expect.any(String), status: 'queued' });
  for (let i = 0; i < 100; i++) {
    const { body } = await t.http().get(`/api/system/heartbeats/${queued.body.id}`).set(admin.auth).expect(200);
    if (body.status === 'done') return body;
    await sleep(100);
  }
  throw new Error('the heartbeat job was not processed within 10 s');
}

describe('jobs', () => {
  it('runs a job end to end on BullMQ over Redis', async () => {
    const t = await startTestApp({ queue: 'redis' });
    try {
      expect(await heartbeatRoundTrip(t)).toMatchObject({
        backend: 'redis',
        status: 'done',
        processedBy: expect.stringMatching(/:\d+$/),
      });
    } finally {
      await t.close();
    }
  });

  it('runs a job end to end on BullMQ over its PostgreSQL backend', async () => {
    const t = await startTestApp({ queue: 'postgres' });
    try {
      expect(await heartbeatRoundTrip(t)).toMatchObject({ backend: 'postgres', status: 'done' });
      const health = await t.http().get('/api/health').expect(200);
      expect(health.body.info.queue).toEqual({ status: 'up', backend: 'postgres' });
    } finally {
      await t.close();
    }
  });

  it('reports 503 while Redis is down and recovers when it is back', async () => {
    const redis = new OwnRedis(await freePort());
    await redis.start();
    const t = await startTestApp({ env: { REDIS_URL: redis.url } });
    try {
      await t.http().get('/api/health').expect(200);
      await redis.stop();
      const down = await t.http().get('/api/health').expect(503);
      expect(down.body).toMatchObject({
        status: 'error',
        info: { database: { status: 'up' } },
        error: { queue: { status: 'down' } },
      });
      await redis.start();
      let status = 0;
      for (let i = 0; i < 50 && status !== 200; i++) {
        status = (await t.http().get('/api/health')).status;
        if (status !== 200) await sleep(200);
      }
      expect(status).toBe(200);
      expect(await heartbeatRoundTrip(t)).toMatchObject({ status: 'done' });
    } finally {
      await t.close();
      await redis.stop();
    }
  });
});

describe('housekeeping', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is scheduled nightly in Stockholm time by the worker, and registered again when lost', async () => {
    const queue = t.app.get<Queue>(getQueueToken(QueueName.System));
    const expected = [
      expect.objectContaining({ key: 'daily-housekeeping', pattern: '15 3 * * *', tz: 'Europe/Stockholm' }),
    ];
    expect(await queue.getJobSchedulers()).toEqual(expected);
    // As after a Redis restart without its data.
    await queue.removeJobScheduler('daily-housekeeping');
    await t.app.get(JobSchedulesKeeper).ensure(false);
    expect(await queue.getJobSchedulers()).toEqual(expected);
  });

  it('removes sign-in attempts and heartbeats older than the retention, and expired sessions; keeps the rest', async () => {
    const old = new Date(Date.now() - 31 * 24 * 3600 * 1000);
    await t.dataSource.query(
      `INSERT INTO login_attempts (email, ip, succeeded, attempted_at) VALUES ('old@x.se', '1.2.3.4', false, $1), ('new@x.se', '1.2.3.4', false, now())`,
      [old],
    );
    await t.dataSource.query(`INSERT INTO heartbeats (backend, requested_at) VALUES ('redis', $1), ('redis', now())`, [
      old,
    ]);
    const user = await t.app
      .get(UsersService)
      .create(null, { email: 'sessions@x.se', name: 'S', role: Role.Coordinator, password: 'long-enough-pw' });
    await t.dataSource.query(
      `INSERT INTO web_sessions (id, user_id, csrf_token, token_version, expires_at) VALUES ('old', $1, 'x', 0, now() - interval '1 minute'), ('live', $1, 'x', 0, now() + interval '1 hour')`,
      [user.id],
    );
    const sut = t.app.get(HousekeepingService);
    expect(await sut.purge()).toEqual({ loginAttempts: 1, heartbeats: 1, sessions: 1 });
    expect(await t.dataSource.query(`SELECT id FROM web_sessions`)).toEqual([{ id: 'live' }]);
    expect(await t.dataSource.query(`SELECT email FROM login_attempts`)).toEqual([{ email: 'new@x.se' }]);
    expect(await sut.purge()).toEqual({ loginAttempts: 0, heartbeats: 0, sessions: 0 });
  });
});
