import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { Role } from '../src/common/auth/role';
import { Clock } from '../src/common/time/clock';
import { JobQueueService } from '../src/jobs/job-queue.service';
import { JobName, QueueName } from '../src/jobs/job-types';
import { RemindersService } from '../src/reminders/reminders.service';
import { createOffer, createSupervisor, createTerm } from './factories/terms';
import { districtByCode, signedInUser, SignedInUser } from './factories/users';
import { freePort } from './support/own-redis';
import { startTestApp, TestApp } from './support/test-app';
import { TestSmtp } from './support/test-smtp';
import { waitForIdle } from './support/wait-for-idle';

/** 07:00 in Stockholm on a date (winter time, UTC+1). */
const morning = (date: string) => new Date(`${date}T06:00:00Z`);

describe('reporting reminders', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let admin: SignedInUser;
  let sut: RemindersService;
  const contacts: Record<string, SignedInUser> = {};
  const districtIds: Record<string, string> = {};

  const reminderRows = async (termId: string) =>
    await t.dataSource.query<{ email: string; daysLeft: string }[]>(
      `SELECT n.recipient_email AS email, n.data->>'daysLeft' AS "daysLeft" FROM notifications n WHERE n.template = 'reporting-reminder' AND n.idempotency_key LIKE $1 ORDER BY (n.data->>'daysLeft')::int DESC, n.recipient_email`,
      [`reporting-reminder-${termId}-%`],
    );

  beforeAll(async () => {
    smtp = new TestSmtp(await freePort());
    await smtp.start();
    t = await startTestApp({ env: { SMTP_URL: smtp.url, MAIL_BACKOFF_MS: '50', OUTBOX_SWEEP_MS: '300' } });
    admin = await signedInUser(t, Role.Coordinator);
    sut = t.app.get(RemindersService);
    for (const code of ['bromma', 'farsta', 'alvsjo']) {
      districtIds[code] = (await districtByCode(t, code)).id;
      contacts[code] = await signedInUser(t, Role.DistrictContact, { district: code });
      await t
        .http()
        .patch(`/api/districts/${districtIds[code]}`)
        .set(admin.auth)
        .send({ contactUserId: contacts[code].id })
        .expect(200);
    }
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });
  afterEach(() => jest.restoreAllMocks());

  const report = async (code: string, termCode: string) => {
    const supervisor = await createSupervisor(t, admin, districtIds[code]);
    expect(
      (await createOffer(t, admin, termCode, { districtId: districtIds[code], supervisorIds: [supervisor.id] })).status,
    ).toBe(201);
  };

  it('reminds districts that have not reported 14, 7 and 2 days before the deadline, once each, and sums up for the coordinator', async () => {
    const term = await createTerm(t, admin, { reportingDeadline: '2031-03-20' }, 'reporting');
    await report('bromma', term.code);

    expect(await sut.run(morning('2031-03-05'))).toEqual([]); // 15 days left: nothing due
    const first = await sut.run(morning('2031-03-06'));
    expect(first).toEqual([
      {
        termCode: term.code,
        reminded: ['Farsta', 'Älvsjö'],
        withoutContact: expect.arrayContaining(['Norrmalm', 'Skärholmen']),
      },
    ]);
    expect(first[0].withoutContact).toHaveLength(11);
    // Running again, or the next day, sends nothing more.
    expect((await sut.run(morning('2031-03-06')))[0].reminded).toEqual([]);
    expect((await sut.run(morning('2031-03-07')))[0].reminded).toEqual([]);

    await report('farsta', term.code);
    expect((await sut.run(morning('2031-03-13')))[0].reminded).toEqual(['Älvsjö']); // 7 days
    expect((await sut.run(morning('2031-03-18')))[0].reminded).toEqual(['Älvsjö']); // 2 days
    expect(await sut.run(morning('2031-03-20'))).toEqual([]); // the deadline day

    expect(await reminderRows(term.id)).toEqual([
      ...[contacts.alvsjo.email, contacts.farsta.email].sort().map((email) => ({ email, daysLeft: '14' })),
      { email: contacts.alvsjo.email, daysLeft: '7' },
      { email: contacts.alvsjo.email, daysLeft: '2' },
    ]);

    const twoDays = await smtp.waitForOne(
      (m) => m.envelopeTo[0] === contacts.alvsjo.email && /om 2 dagar/.test(m.parsed.text ?? ''),
    );
    expect(twoDays.parsed.subject).toBe(`Påminnelse: rapportera VFU-platser för ${term.code} senast 20 mars 2031`);
    expect(twoDays.parsed.text).toContain('Älvsjö har ännu inte rapporterat några VFU-platser');

    // The morning after the deadline the coordinator hears who is missing, once.
    await sut.run(morning('2031-03-21'));
    await sut.run(morning('2031-03-22'));
    const summaries = await t.dataSource.query(
      `SELECT recipient_email FROM notifications WHERE idempotency_key LIKE $1`,
      [`reporting-summary-${term.id}-%`],
    );
    expect(summaries).toContainEqual({ recipient_email: admin.email });
    const summary = await smtp.waitForOne(
      (m) => m.envelopeTo[0] === admin.email && m.parsed.subject?.startsWith(term.code) === true,
    );
    expect(summary.parsed.subject).toBe(`${term.code}: 12 stadsdelsförvaltningar har inte rapporterat VFU-platser`);
    expect(summary.parsed.text).toContain(`Älvsjö (kontaktperson ${'Test district_contact'})`);
    expect(summary.parsed.text).toContain('Norrmalm (saknar kontaktperson)');
    expect(summary.parsed.text).toContain('2 av 14 stadsdelsförvaltningar har rapporterat');
  });

  it('sends nothing for terms still in planning', async () => {
    await createTerm(t, admin, { reportingDeadline: '2032-03-20' });
    expect(await sut.run(morning('2032-03-06'))).toEqual([]);
  });

  it('runs as a daily job at 07:00 Stockholm time, on the clock the service is given', async () => {
    const queue = t.app.get<Queue>(getQueueToken(QueueName.Reminders));
    expect(await queue.getJobSchedulers()).toEqual([
      expect.objectContaining({ key: 'reporting-reminders', pattern: '0 7 * * *', tz: 'Europe/Stockholm' }),
    ]);
    const term = await createTerm(t, admin, { reportingDeadline: '2033-09-15' }, 'reporting');
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date('2033-09-08T05:00:00Z')); // 07:00 summer time, 7 days left
    await t.app.get(JobQueueService).enqueue(JobName.ReportingReminders, {});
    // Once the job and the e-mail it queued are done, no further reminder can appear.
    await waitForIdle(t.app);
    const rows = await reminderRows(term.id);
    expect(rows.map((r) => r.email).sort()).toEqual(
      [contacts.alvsjo.email, contacts.bromma.email, contacts.farsta.email].sort(),
    );
  });

  it('lets the coordinator remind now, at most once a day per district', async () => {
    const term = await createTerm(t, admin, { reportingDeadline: '2999-06-01' }, 'reporting');
    await report('farsta', term.code);
    const now = await t.http().post(`/api/terms/${term.code}/reminders`).set(admin.auth).expect(200);
    expect(now.body).toMatchObject({ termCode: term.code, reminded: ['Bromma', 'Älvsjö'] });
    const again = await t.http().post(`/api/terms/${term.code}/reminders`).set(admin.auth).expect(200);
    expect(again.body.reminded).toEqual([]);
    await t.http().post(`/api/terms/${term.code}/reminders`).set(contacts.bromma.auth).expect(403);
    const planning = await createTerm(t, admin);
    const refused = await t.http().post(`/api/terms/${planning.code}/reminders`).set(admin.auth).expect(409);
    expect(refused.body.message).toBe(`Reminders go out while a term is reporting; ${planning.code} is planning`);
  });
});
