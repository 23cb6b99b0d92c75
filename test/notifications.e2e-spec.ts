import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Role } from '../src/common/auth/role';
import { QueueName } from '../src/jobs/job-types';
import { NotificationStatus } from '../src/notifications/notification-status';
import { districtByCode, signedInUser, SignedInUser } from './factories/users';
import { freePort, OwnRedis } from './support/own-redis';
import { startServiceProcess, stopServiceProcess, type ServiceProcess } from './support/service-process';
import { startTestApp, TEST_REDIS_URL, TestApp } from './support/test-app';
import { TestSmtp } from './support/test-smtp';
import { waitForIdle } from './support/wait-for-idle';

// Short timings so that retries, sweeps and leases happen within a test.
const FAST = { MAIL_BACKOFF_MS: '50', OUTBOX_SWEEP_MS: '200', MAIL_MAX_ATTEMPTS: '3', MAIL_SENDING_LEASE_MS: '1000' };

interface Row {
  id: string;
  status: NotificationStatus;
  attempts: number;
  message_id: string;
  last_error: string | null;
  recipient_email: string;
}

async function rowFor(t: TestApp, email: string): Promise<Row | undefined> {
  const rows: Row[] = await t.dataSource.query(`SELECT * FROM notifications WHERE recipient_email = $1`, [email]);
  return rows[0];
}

async function waitForStatus(t: TestApp, email: string, status: NotificationStatus, ms = 15_000): Promise<Row> {
  let row: Row | undefined;
  for (const start = Date.now(); Date.now() - start < ms; await sleep(50)) {
    row = await rowFor(t, email);
    if (row?.status === status) return row;
  }
  throw new Error(`notification to ${email} did not become ${status}: ${JSON.stringify(row)}`);
}

const newContact = (admin: SignedInUser, t: TestApp, districtId: string) => {
  const email = `kontakt-${randomBytes(4).toString('hex')}@example.se`;
  return t
    .http()
    .post('/api/users')
    .set(admin.auth)
    .send({ email, name: 'Karin Kontakt', role: 'district_contact', districtId, password: 'secret-secret' })
    .then((response) => ({ response, email }));
};

describe('notifications over SMTP', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let admin: SignedInUser;
  let bromma: string;

  beforeAll(async () => {
    smtp = new TestSmtp(await freePort());
    await smtp.start();
    t = await startTestApp({ env: { ...FAST, SMTP_URL: smtp.url, PUBLIC_URL: 'https://vfu.example.se' } });
    admin = await signedInUser(t, Role.Coordinator);
    bromma = (await districtByCode(t, 'bromma')).id;
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });
  beforeEach(() => {
    smtp.received.length = 0;
    smtp.attempts = 0;
    smtp.behaviour = 'accept';
  });

  it('delivers a Swedish welcome e-mail once, to the right person, from the outbox row', async () => {
    const { response, email } = await newContact(admin, t, bromma);
    expect(response.status).toBe(201);
    const [mail] = await smtp.waitFor(1);
    expect(mail.envelopeTo).toEqual([email]);
    expect(mail.parsed.subject).toBe('Ditt konto i VFU-tjänsten');
    expect(mail.parsed.from?.text).toContain('vfu@stockholm.se');
    expect(mail.parsed.text).toContain('Hej Karin Kontakt!');
    expect(mail.parsed.text).toContain('kontaktperson för VFU, Bromma');
    expect(mail.parsed.text).toContain('https://vfu.example.se/');
    // Every message names the sender organisation and how to reach the central coordinator.
    for (const body of [mail.parsed.text, mail.parsed.html as string]) {
      expect(body).toContain('Stockholms stad, Socialförvaltningen');
      expect(body).toContain('vfu.socialforvaltningen@stockholm.se');
    }
    expect(mail.parsed.html).toContain('<p>Hej Karin Kontakt!</p>');
    expect(mail.parsed.text).not.toContain('secret-secret');

    const row = await waitForStatus(t, email, NotificationStatus.Sent);
    expect(mail.parsed.messageId).toBe(row.message_id);
    expect(row.message_id).toMatch(new RegExp(`^<${row.id}@stockholm\\.se>$`));
    const listed = await t.http().get('/api/notifications').query({ status: 'sent' }).set(admin.auth).expect(200);
    expect(listed.body).toContainEqual(
      expect.objectContaining({
        id: row.id,
        status: 'sent',
        template: 'user-welcome',
        subject: 'Ditt konto i VFU-tjänsten',
        recipientEmail: email,
        attempts: 1,
      }),
    );
    // Sweeps and stray jobs afterwards send nothing more.
    await waitForIdle(t.app);
    expect(smtp.received).toHaveLength(1);
  });

  it('writes no e-mail when the change itself fails', async () => {
    const before = Number((await t.dataSource.query('SELECT count(*) AS n FROM notifications'))[0].n);
    await t
      .http()
      .post('/api/users')
      .set(admin.auth)
      .send({ email: admin.email, name: 'Dubbel', role: 'coordinator', password: 'secret-secret' })
      .expect(409);
    await t
      .http()
      .post('/api/users')
      .set(admin.auth)
      .send({ email: 'x@example.se', name: 'X', role: 'district_contact', password: 'secret-secret' })
      .expect(400);
    expect(Number((await t.dataSource.query('SELECT count(*) AS n FROM notifications'))[0].n)).toBe(before);
  });

  it('retries while the server refuses for now, then marks the e-mail failed with the error', async () => {
    smtp.behaviour = { refuse: 451, message: 'Mailbox busy, try later' };
    const { email } = await newContact(admin, t, bromma);
    const failed = await waitForStatus(t, email, NotificationStatus.Failed);
    expect(failed.attempts).toBe(3);
    expect(smtp.attempts).toBe(3);
    expect(failed.last_error).toContain('Mailbox busy, try later');
    expect(smtp.received).toHaveLength(0);

    const list = await t.http().get('/api/notifications').query({ status: 'failed' }).set(admin.auth).expect(200);
    expect(list.body).toContainEqual(
      expect.objectContaining({ id: failed.id, status: 'failed', lastError: expect.stringContaining('451') }),
    );

    // The coordinator retries once the server takes mail again: one message, same Message-ID.
    smtp.behaviour = 'accept';
    const retried = await t.http().post(`/api/notifications/${failed.id}/retry`).set(admin.auth).expect(202);
    expect(retried.body).toMatchObject({ id: failed.id, status: 'pending', attempts: 0, lastError: null });
    const [mail] = await smtp.waitFor(1);
    expect(mail.parsed.messageId).toBe(failed.message_id);
    await waitForStatus(t, email, NotificationStatus.Sent);
    const audit = await t
      .http()
      .get('/api/audit-log')
      .query({ entityType: 'notification', entityId: failed.id })
      .set(admin.auth)
      .expect(200);
    expect(audit.body[0]).toMatchObject({
      action: 'notification.updated',
      actorId: admin.id,
      changes: { status: { from: 'failed', to: 'pending' } },
    });
  });

  it('gives up at once on a permanent refusal (5xx): retrying would be refused again', async () => {
    smtp.behaviour = { refuse: 550, message: 'No such user here' };
    const { email } = await newContact(admin, t, bromma);
    const failed = await waitForStatus(t, email, NotificationStatus.Failed);
    expect(failed.attempts).toBe(1);
    expect(failed.last_error).toContain('No such user here');
    await waitForIdle(t.app);
    expect(smtp.attempts).toBe(1);
  });

  it('lets only the coordinator see and retry notifications, and only failed or unconfirmed ones', async () => {
    const contact = await signedInUser(t, Role.DistrictContact);
    await t.http().get('/api/notifications').set(contact.auth).expect(403);
    await t.http().get('/api/notifications').expect(401);
    const bad = await t
      .http()
      .get('/api/notifications')
      .query({ status: 'lost', limit: 0 })
      .set(admin.auth)
      .expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['limit', 'status']);
    await t.http().post('/api/notifications/00000000-0000-4000-8000-000000000000/retry').set(admin.auth).expect(404);
    const { email } = await newContact(admin, t, bromma);
    const sent = await waitForStatus(t, email, NotificationStatus.Sent);
    await t.http().post(`/api/notifications/${sent.id}/retry`).set(contact.auth).expect(403);
    const refused = await t.http().post(`/api/notifications/${sent.id}/retry`).set(admin.auth).expect(409);
    expect(refused.body.message).toBe('Only failed or unconfirmed notifications can be retried; this one is sent');
  });

  it('shows the queue dashboard to the coordinator only', async () => {
    const contact = await signedInUser(t, Role.DistrictContact);
    await t.http().get('/api/admin/queues').expect(401);
    await t.http().get('/api/admin/queues').set(contact.auth).expect(403);
    const page = await t.http().get('/api/admin/queues').set(admin.auth).expect(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    const queues = await t.http().get('/api/admin/queues/api/queues').set(admin.auth).expect(200);
    expect(queues.body.queues.map((q: { name: string }) => q.name).sort()).toEqual(Object.values(QueueName).sort());
  });
});

describe('notifications when the mail server is away', () => {
  it('keeps retrying while nothing listens, and delivers once the server is back', async () => {
    const smtp = new TestSmtp(await freePort());
    const t = await startTestApp({
      env: { ...FAST, MAIL_MAX_ATTEMPTS: '8', MAIL_BACKOFF_MS: '100', SMTP_URL: smtp.url },
    });
    try {
      const admin = await signedInUser(t, Role.Coordinator);
      const { email } = await newContact(admin, t, (await districtByCode(t, 'farsta')).id);
      // Refused twice and waiting for its next try (not caught mid-attempt, while it is `sending`).
      let row = await rowFor(t, email);
      for (let i = 0; i < 200 && !(row && row.attempts >= 2 && row.status === NotificationStatus.Pending); i++) {
        await sleep(50);
        row = await rowFor(t, email);
      }
      expect(row).toMatchObject({ status: 'pending', last_error: expect.stringMatching(/ECONNREFUSED|connect/i) });
      await smtp.start();
      await smtp.waitFor(1);
      await waitForStatus(t, email, NotificationStatus.Sent);
      await waitForIdle(t.app);
      expect(smtp.received).toHaveLength(1);
    } finally {
      await t.close();
      await smtp.stop();
    }
  });
});

describe('notifications when Redis is down', () => {
  it('accepts the request, keeps the e-mail in PostgreSQL, and delivers it once after Redis returns', async () => {
    const smtp = new TestSmtp(await freePort());
    await smtp.start();
    const redis = new OwnRedis(await freePort());
    await redis.start();
    const t = await startTestApp({ env: { ...FAST, SMTP_URL: smtp.url, REDIS_URL: redis.url } });
    try {
      const admin = await signedInUser(t, Role.Coordinator);
      const bromma = (await districtByCode(t, 'bromma')).id;
      await redis.stop();

      const started = Date.now();
      const { response, email } = await newContact(admin, t, bromma);
      expect(response.status).toBe(201);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(await rowFor(t, email)).toMatchObject({ status: 'pending' });
      // No queue answers while Redis is down, so there is no idle to wait for: give a send that must not happen time to show.
      await sleep(1000);
      expect(smtp.received).toHaveLength(0);

      await redis.start();
      const [mail] = await smtp.waitFor(1, 30_000);
      expect(mail.envelopeTo).toEqual([email]);
      await waitForStatus(t, email, NotificationStatus.Sent);
      await waitForIdle(t.app);
      expect(smtp.received).toHaveLength(1);
    } finally {
      await t.close();
      await redis.stop();
      await smtp.stop();
    }
  });
});

describe('notifications when a worker dies mid-send', () => {
  let worker: ServiceProcess | undefined;
  afterEach(() => stopServiceProcess(worker?.child, 'SIGKILL'));

  it('never sends twice: a send cut off after the server took it is set aside as unconfirmed', async () => {
    const smtp = new TestSmtp(await freePort());
    await smtp.start();
    // The API in this process; the worker in a process of its own that the test can kill.
    const t = await startTestApp({ role: 'api', env: { ...FAST, SMTP_URL: smtp.url } });
    const workerEnv = {
      ...process.env,
      NODE_ENV: 'test',
      DATABASE_URL: t.config.databaseUrl,
      REDIS_URL: TEST_REDIS_URL,
      QUEUE_PREFIX: t.config.env.QUEUE_PREFIX,
      JWT_SECRET: t.config.jwtSecret,
      LOG_LEVEL: 'warn',
      ...FAST,
      SMTP_URL: smtp.url,
    };
    try {
      const admin = await signedInUser(t, Role.Coordinator);
      worker = await startServiceProcess('worker', workerEnv, 'VFU worker running jobs');
      const first = worker.child;
      // The message has fully arrived; the worker dies before the server's "250 OK" reaches it.
      smtp.onReceived = () => void first.kill('SIGKILL');

      const { email } = await newContact(admin, t, (await districtByCode(t, 'bromma')).id);
      await smtp.waitFor(1);
      await new Promise((resolve) =>
        first.exitCode !== null || first.signalCode !== null ? resolve(null) : first.once('exit', resolve),
      );
      smtp.onReceived = undefined;
      expect(await rowFor(t, email)).toMatchObject({ status: 'sending' });

      worker = await startServiceProcess('worker', workerEnv, 'VFU worker running jobs');
      const row = await waitForStatus(t, email, NotificationStatus.Unconfirmed);
      expect(row.last_error).toMatch(/may have been delivered/);
      // The killed worker's job stays active until BullMQ's stall check hands it back (30-60 s), so the queue is not idle soon.
      await sleep(1500);
      expect(smtp.received).toHaveLength(1);

      const list = await t
        .http()
        .get('/api/notifications')
        .query({ status: 'unconfirmed' })
        .set(admin.auth)
        .expect(200);
      expect(list.body).toContainEqual(expect.objectContaining({ id: row.id, status: 'unconfirmed' }));
      // A coordinator's retry sends it again under the same Message-ID, so a mailbox keeps one.
      await t.http().post(`/api/notifications/${row.id}/retry`).set(admin.auth).expect(202);
      const mails = await smtp.waitFor(2);
      expect(mails[1].parsed.messageId).toBe(mails[0].parsed.messageId);
      await waitForStatus(t, email, NotificationStatus.Sent);
    } finally {
      await t.close();
      await smtp.stop();
    }
  }, 90_000);
});

describe('notifications without SMTP_URL', () => {
  it('writes each e-mail once as an .eml file in DATA_DIR/outbox-mail', async () => {
    const t = await startTestApp({ env: FAST });
    try {
      const admin = await signedInUser(t, Role.Coordinator);
      const { email } = await newContact(admin, t, (await districtByCode(t, 'farsta')).id);
      const row = await waitForStatus(t, email, NotificationStatus.Sent);
      const file = join(t.config.mailFolder, `${row.id}.eml`);
      expect(existsSync(file)).toBe(true);
      const eml = readFileSync(file, 'utf8');
      expect(eml).toContain(`To: ${email}`);
      expect(eml).toContain(`Message-ID: ${row.message_id}`);
      expect(eml).toMatch(/Subject: =\?UTF-8\?Q\?Ditt_konto_i_VFU-tj=C3=A4nsten\?=|Subject: Ditt konto i VFU-tjänsten/);
      expect(readdirSync(t.config.mailFolder)).toHaveLength(1);
    } finally {
      await t.close();
    }
  });
});
