import { setTimeout as sleep } from 'node:timers/promises';
import { Role } from '../src/common/auth/role';
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
      expect(await heartbeatRoundTrip(t)).toMatchObject({ backend: 'redis', status: 'done', processedBy: expect.stringMatching(/:\d+$/) });
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
      expect(down.body).toMatchObject({ status: 'error', info: { database: { status: 'up' } }, error: { queue: { status: 'down' } } });
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
