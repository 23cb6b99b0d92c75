import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { HashedCalendarTokens1795700000000 } from '../migrations/1795700000000-HashedCalendarTokens';
import { Role } from '../src/common/auth/role';
import { dataSourceOptions } from '../src/database/data-source';
import { Clock } from '../src/common/time/clock';
import { EventRemindersService } from '../src/events/event-reminders.service';
import { JobQueueService } from '../src/jobs/job-queue.service';
import { QueueName } from '../src/jobs/job-types';
import { createSupervisor, createTerm } from './factories/terms';
import { districtByCode, signedInUser, SignedInUser, universityByCode } from './factories/users';
import { parseCalendar } from './support/ical';
import { freePort } from './support/own-redis';
import { createTestDatabase, startTestApp, TestApp } from './support/test-app';
import { ReceivedMail, TestSmtp } from './support/test-smtp';

const fields = (body: { details?: { field: string }[] }) => (body.details ?? []).map((d) => d.field).sort();
const calendarOf = (mail: ReceivedMail) => {
  const part = mail.parsed.attachments.find((a) => a.contentType.startsWith('text/calendar'));
  if (!part) throw new Error(`no calendar in "${mail.parsed.subject}"`);
  return parseCalendar(part.content.toString('utf8'));
};

describe('events, invitations and calendar feeds', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let admin: SignedInUser;
  const contacts: Record<string, SignedInUser> = {};
  const universities: Record<string, SignedInUser> = {};
  let supervisor: { id: string; email: string };
  let student: { id: string; email: string };
  const ids: Record<string, string> = {};

  const createEvent = (body: object) => t.http().post('/api/events').set(admin.auth).send(body);
  const inviteeEmails = async (eventId: string) =>
    ((await t.http().get(`/api/events/${eventId}/invitees`).set(admin.auth).expect(200)).body as { email: string }[])
      .map((i) => i.email)
      .sort();
  const feedOf = async (user: SignedInUser) => {
    const { url } = (await t.http().get('/api/me/calendar-token').set(user.auth).expect(200)).body as { url: string };
    return { url, path: new URL(url).pathname };
  };
  const tokenOf = (url: string) => /\/api\/calendar\/([A-Za-z0-9_-]{43})\.ics$/.exec(url)![1];
  const sha256 = (token: string) => createHash('sha256').update(token).digest('hex');

  beforeAll(async () => {
    smtp = new TestSmtp(await freePort());
    await smtp.start();
    t = await startTestApp({
      env: { SMTP_URL: smtp.url, MAIL_BACKOFF_MS: '50', OUTBOX_SWEEP_MS: '300', PUBLIC_URL: 'https://vfu.example.se' },
    });
    admin = await signedInUser(t, Role.Coordinator);
    for (const district of ['bromma', 'farsta'])
      contacts[district] = await signedInUser(t, Role.DistrictContact, { district });
    for (const university of ['SU', 'SH'])
      universities[university] = await signedInUser(t, Role.UniversityCoordinator, { university });
    const su = (await universityByCode(t, 'SU')).id;
    const sh = (await universityByCode(t, 'SH')).id;
    const bromma = (await districtByCode(t, 'bromma')).id;

    // HT2031: the earliest VFU start is 1 September (SU), SH starts a week later.
    await createTerm(
      t,
      admin,
      {
        code: 'HT2031',
        reportingDeadline: '2031-05-15',
        periods: [
          { universityId: sh, startsOn: '2031-09-08', endsOn: '2032-01-16' },
          { universityId: su, startsOn: '2031-09-01', endsOn: '2032-01-16' },
        ],
      },
      'allocating',
    );
    const created = await createSupervisor(t, admin, bromma, { name: 'Hanna Handledare' });
    supervisor = {
      id: created.id,
      email: (await t.dataSource.query('SELECT email FROM supervisors WHERE id = $1', [created.id]))[0].email,
    };
    const offer = await t
      .http()
      .post('/api/terms/HT2031/offers')
      .set(admin.auth)
      .send({
        districtId: bromma,
        unitName: 'Barn och unga Bromma',
        field: 'children_youth',
        places: 2,
        supervisorIds: [created.id],
      })
      .expect(201);
    ids.offer = offer.body.id;
    await t.http().put(`/api/terms/HT2031/quotas/${su}`).set(admin.auth).send({ quota: 5 }).expect(200);
    const registered = await t
      .http()
      .post('/api/terms/HT2031/students')
      .set(admin.auth)
      .send({
        universityId: su,
        name: 'Stina Student',
        email: 'stina@student.su.se',
        studentRef: 'SU-77',
        fieldPreferences: ['children_youth'],
      })
      .expect(201);
    student = { id: registered.body.id, email: 'stina@student.su.se' };
    await t
      .http()
      .post('/api/terms/HT2031/assignments')
      .set(admin.auth)
      .send({ studentId: student.id, offerId: offer.body.id, supervisorId: created.id })
      .expect(201);
    await t.http().post('/api/terms/HT2031/assignments/publish').set(admin.auth).expect(200);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });
  afterEach(() => jest.restoreAllMocks());

  describe('the joint introduction', () => {
    it('is held on or after the earliest VFU start and within its first 14 days (400 naming the rule)', async () => {
      const base = { type: 'introduction', title: 'Introduktion', location: 'Stadshuset', termCode: 'HT2031' };
      const early = await createEvent({
        ...base,
        startsAt: '2031-08-31T10:00:00+02:00',
        endsAt: '2031-08-31T12:00:00+02:00',
      }).expect(400);
      expect(early.body.details).toEqual([
        {
          field: 'startsAt',
          code: 'introduction_outside_window',
          params: { termCode: 'HT2031', earliestStart: '2031-09-01', days: 14, lastDay: '2031-09-14' },
          message: expect.stringContaining(
            'on or after 2031-09-01, the earliest VFU start of HT2031, and within its first 14 days (by 2031-09-14)',
          ),
        },
      ]);
      const late = await createEvent({
        ...base,
        startsAt: '2031-09-15T09:00:00+02:00',
        endsAt: '2031-09-15T12:00:00+02:00',
      }).expect(400);
      expect(late.body.message).toContain('within its first 14 days');
      const noTerm = await createEvent({
        ...base,
        termCode: undefined,
        startsAt: '2031-09-02T09:00:00+02:00',
        endsAt: '2031-09-02T12:00:00+02:00',
      }).expect(400);
      expect(fields(noTerm.body)).toEqual(['termCode']);
      const bad = await createEvent({
        type: 'party',
        title: '',
        location: '',
        startsAt: '2031-09-02 09:00',
        endsAt: 'later',
      }).expect(400);
      expect(fields(bad.body)).toEqual(['endsAt', 'location', 'startsAt', 'title', 'type']);
      expect(Number((await t.dataSource.query('SELECT count(*) AS n FROM events'))[0].n)).toBe(0);
    });

    it('invites the placed students, their supervisors, every district contact and university coordinator, with a calendar invitation', async () => {
      const created = await createEvent({
        type: 'introduction',
        title: 'Gemensam introduktion HT2031',
        location: 'Stadshuset, Ragnar Östbergs plan 1',
        termCode: 'HT2031',
        startsAt: '2031-09-02T09:00:00+02:00',
        endsAt: '2031-09-02T12:00:00+02:00',
        description: 'För alla VFU-studenter och handledare.',
      }).expect(201);
      ids.introduction = created.body.id;
      expect(created.body).toMatchObject({
        type: 'introduction',
        status: 'scheduled',
        sequence: 0,
        startsAt: '2031-09-02T07:00:00.000Z',
      });
      const invited = await inviteeEmails(ids.introduction);
      for (const email of [
        student.email,
        supervisor.email,
        contacts.bromma.email,
        contacts.farsta.email,
        universities.SU.email,
        universities.SH.email,
      ]) {
        expect(invited).toContain(email);
      }
      expect(invited).not.toContain(admin.email);

      const mail = await smtp.waitForOne(
        (m) => m.envelopeTo[0] === student.email && /^Inbjudan:/.test(m.parsed.subject ?? ''),
      );
      expect(mail.parsed.subject).toBe(
        'Inbjudan: Gemensam introduktion HT2031, tisdag 2 september 2031 kl. 09.00–12.00',
      );
      expect(mail.parsed.text).toContain(
        'Du är inbjuden till gemensamt introduktionstillfälle "Gemensam introduktion HT2031".',
      );
      const ics = calendarOf(mail);
      expect(ics.method).toBe('REQUEST');
      expect(ics.timezones).toEqual(['Europe/Stockholm']);
      expect(ics.events).toEqual([
        expect.objectContaining({
          uid: `event-${ids.introduction}@stockholm.se`,
          sequence: 0,
          status: 'CONFIRMED',
          tzid: 'Europe/Stockholm',
          localStart: '2031-09-02T09:00:00',
          localEnd: '2031-09-02T12:00:00',
          attendees: [student.email],
        }),
      ]);
      // Summer time: 09:00 in Stockholm is 07:00 UTC.
      expect(ics.events[0].start.toISOString()).toBe('2031-09-02T07:00:00.000Z');

      const second = await createEvent({
        type: 'introduction',
        title: 'Igen',
        location: 'X',
        termCode: 'HT2031',
        startsAt: '2031-09-03T09:00:00+02:00',
        endsAt: '2031-09-03T10:00:00+02:00',
      }).expect(409);
      expect(second.body.message).toBe('HT2031 has its joint introduction already: one per term');
    });

    it('re-sends the invitation with SEQUENCE raised and the same UID when the event changes', async () => {
      const changed = await t
        .http()
        .patch(`/api/events/${ids.introduction}`)
        .set(admin.auth)
        .send({ location: 'Kulturhuset', startsAt: '2031-09-02T10:00:00+02:00' })
        .expect(200);
      expect(changed.body).toMatchObject({ sequence: 1, location: 'Kulturhuset' });
      const mail = await smtp.waitForOne(
        (m) => m.envelopeTo[0] === supervisor.email && /^Ändrad/.test(m.parsed.subject ?? ''),
      );
      const ics = calendarOf(mail);
      expect(ics.events[0]).toMatchObject({
        uid: `event-${ids.introduction}@stockholm.se`,
        sequence: 1,
        localStart: '2031-09-02T10:00:00',
      });
      const outside = await t
        .http()
        .patch(`/api/events/${ids.introduction}`)
        .set(admin.auth)
        .send({ startsAt: '2031-10-01T10:00:00+02:00', endsAt: '2031-10-01T11:00:00+02:00' })
        .expect(400);
      expect(outside.body.details[0].field).toBe('startsAt');
    });

    it('invites students placed after it was planned, once their placement is published', async () => {
      const su = (await universityByCode(t, 'SU')).id;
      const late = await t
        .http()
        .post('/api/terms/HT2031/students')
        .set(admin.auth)
        .send({
          universityId: su,
          name: 'Sen Student',
          email: 'sen@student.su.se',
          studentRef: 'SU-78',
          fieldPreferences: ['children_youth'],
        })
        .expect(201);
      const assignment = await t
        .http()
        .post('/api/terms/HT2031/assignments')
        .set(admin.auth)
        .send({ studentId: late.body.id, offerId: ids.offer, supervisorId: supervisor.id });
      expect(assignment.status).toBe(409); // Hanna supervises one student: first raise her capacity.
      await t.http().patch(`/api/supervisors/${supervisor.id}`).set(admin.auth).send({ capacity: 2 }).expect(200);
      await t
        .http()
        .post('/api/terms/HT2031/assignments')
        .set(admin.auth)
        .send({ studentId: late.body.id, offerId: ids.offer, supervisorId: supervisor.id })
        .expect(201);
      await t.http().post('/api/terms/HT2031/assignments/publish').set(admin.auth).expect(200);
      const mail = await smtp.waitForOne(
        (m) => m.envelopeTo[0] === 'sen@student.su.se' && /^Inbjudan/.test(m.parsed.subject ?? ''),
      );
      expect(calendarOf(mail).events[0]).toMatchObject({ sequence: 1, localStart: '2031-09-02T10:00:00' });
    });
  });

  describe('the workshop', () => {
    it('is one a year, over before the autumn term’s earliest VFU start, for contacts, universities and coordinators', async () => {
      const after = await createEvent({
        type: 'workshop',
        title: 'Workshop',
        location: 'Stadshuset',
        startsAt: '2031-08-31T22:30:00+02:00',
        endsAt: '2031-09-01T01:00:00+02:00',
      }).expect(400);
      expect(after.body.details).toEqual([
        {
          field: 'endsAt',
          code: 'workshop_after_autumn_start',
          params: { termCode: 'HT2031', earliestStart: '2031-09-01' },
          message:
            'The workshop is held before the autumn term starts: it must end before 2031-09-01, the earliest VFU start of HT2031',
        },
      ]);
      const noTerm = await createEvent({
        type: 'workshop',
        title: 'Workshop',
        location: 'Stadshuset',
        startsAt: '2032-08-20T09:00:00+02:00',
        endsAt: '2032-08-20T15:00:00+02:00',
      }).expect(400);
      expect(noTerm.body.message).toContain('create HT2032 with its VFU periods first');
      const workshop = await createEvent({
        type: 'workshop',
        title: 'Workshop inför HT2031',
        location: 'Stadshuset',
        startsAt: '2031-08-20T09:00:00+02:00',
        endsAt: '2031-08-20T15:00:00+02:00',
      }).expect(201);
      ids.workshop = workshop.body.id;
      const invited = await inviteeEmails(ids.workshop);
      for (const email of [admin.email, contacts.bromma.email, universities.SH.email]) expect(invited).toContain(email);
      expect(invited).not.toContain(student.email);
      expect(invited).not.toContain(supervisor.email);
      const again = await createEvent({
        type: 'workshop',
        title: 'Till',
        location: 'X',
        startsAt: '2031-06-20T09:00:00+02:00',
        endsAt: '2031-06-20T10:00:00+02:00',
      }).expect(409);
      expect(again.body.message).toBe('A workshop is planned for 2031 already: one per year');
    });
  });

  describe('network meetings and lectures', () => {
    it('invites district contacts (and universities only when asked) to network meetings; supervisors and contacts to lectures', async () => {
      const winter = await createEvent({
        type: 'network_meeting',
        title: 'Nätverksmöte december',
        location: 'Socialförvaltningen',
        startsAt: '2031-12-03T13:00:00+01:00',
        endsAt: '2031-12-03T15:00:00+01:00',
      }).expect(201);
      ids.network = winter.body.id;
      const withUniversities = await createEvent({
        type: 'network_meeting',
        title: 'Nätverksmöte med lärosätena',
        location: 'SU',
        includeUniversities: true,
        startsAt: '2031-11-05T13:00:00+01:00',
        endsAt: '2031-11-05T15:00:00+01:00',
      }).expect(201);
      ids.networkWithUniversities = withUniversities.body.id;
      const lecture = await createEvent({
        type: 'lecture',
        title: 'Föreläsning om handledning',
        location: 'Södertörns högskola',
        termCode: 'HT2031',
        startsAt: '2031-10-07T15:00:00+02:00',
        endsAt: '2031-10-07T16:30:00+02:00',
      }).expect(201);
      ids.lecture = lecture.body.id;

      const network = await inviteeEmails(ids.network);
      expect(network).toEqual(expect.arrayContaining([contacts.bromma.email, contacts.farsta.email, admin.email]));
      expect(network).not.toContain(universities.SU.email);
      expect(await inviteeEmails(ids.networkWithUniversities)).toContain(universities.SU.email);
      const lectureInvitees = await inviteeEmails(ids.lecture);
      expect(lectureInvitees).toEqual(expect.arrayContaining([supervisor.email, contacts.bromma.email]));
      expect(lectureInvitees).not.toContain(universities.SU.email);

      // Winter time: 13:00 in Stockholm is 12:00 UTC.
      const mail = await smtp.waitForOne(
        (m) => m.envelopeTo[0] === contacts.farsta.email && /Nätverksmöte december/.test(m.parsed.subject ?? ''),
      );
      expect(calendarOf(mail).events[0]).toMatchObject({ localStart: '2031-12-03T13:00:00', tzid: 'Europe/Stockholm' });
      expect(calendarOf(mail).events[0].start.toISOString()).toBe('2031-12-03T12:00:00.000Z');
    });

    it('cancels with METHOD:CANCEL to everyone invited, and keeps the event in feeds as cancelled', async () => {
      const cancelled = await t.http().post(`/api/events/${ids.network}/cancel`).set(admin.auth).expect(200);
      expect(cancelled.body).toMatchObject({ status: 'cancelled', sequence: 1 });
      const mail = await smtp.waitForOne(
        (m) => m.envelopeTo[0] === contacts.bromma.email && /^Inställt/.test(m.parsed.subject ?? ''),
      );
      const ics = calendarOf(mail);
      expect(ics.method).toBe('CANCEL');
      expect(ics.events[0]).toMatchObject({
        uid: `event-${ids.network}@stockholm.se`,
        sequence: 1,
        status: 'CANCELLED',
      });
      await t.http().post(`/api/events/${ids.network}/cancel`).set(admin.auth).expect(409);
      await t.http().patch(`/api/events/${ids.network}`).set(admin.auth).send({ title: 'X' }).expect(409);
      const { path } = await feedOf(contacts.bromma);
      const feed = parseCalendar((await t.http().get(path).expect(200)).text);
      expect(feed.events.find((e) => e.uid === `event-${ids.network}@stockholm.se`)).toMatchObject({
        status: 'CANCELLED',
        sequence: 1,
      });
    });
  });

  describe('calendar feeds', () => {
    it('serves each user only what they are invited to, without sign-in, never cached, with minimal personal data', async () => {
      const { url, path } = await feedOf(universities.SU);
      expect(url).toMatch(/^https:\/\/vfu\.example\.se\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
      const response = await t.http().get(path).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/calendar/);
      expect(response.headers['cache-control']).toBe('no-store');
      const feed = parseCalendar(response.text);
      expect(feed.method).toBe('PUBLISH');
      expect(feed.timezones).toEqual(['Europe/Stockholm']);
      expect(feed.events.map((e) => e.summary).sort()).toEqual([
        'Gemensam introduktion HT2031',
        'Nätverksmöte med lärosätena',
        'Workshop inför HT2031',
      ]);
      expect(feed.events.every((e) => e.attendees.length === 0)).toBe(true);
      expect(response.text).not.toContain(student.email);
      // The same address again, until rotated.
      const again = await t.http().get('/api/me/calendar-token').set(universities.SU.auth).expect(200);
      expect(again.body).toEqual({ url, createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
      const coordinator = parseCalendar(
        (
          await t
            .http()
            .get((await feedOf(admin)).path)
            .expect(200)
        ).text,
      );
      expect(coordinator.events).toHaveLength(5);
    });

    it('keeps no token in clear: the table holds its SHA-256 and a nonce, the token needs the server secret', async () => {
      const { url, path } = await feedOf(contacts.bromma);
      const token = tokenOf(url);
      const rows: Record<string, unknown>[] = await t.dataSource.query('SELECT * FROM calendar_tokens');
      expect(rows.length).toBeGreaterThanOrEqual(3);
      for (const row of rows) {
        expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
        expect(row.nonce).toMatch(/^[A-Za-z0-9_-]{22,}$/);
        expect(Object.values(row)).not.toContain(token);
      }
      expect(JSON.stringify(rows)).not.toContain(token);
      const bromma = rows.find((r) => r.user_id === contacts.bromma.id)!;
      expect(bromma.token_hash).toBe(sha256(token));
      await t.http().get(path).expect(200);
      // Shown again on asking: derived, not stored.
      expect((await feedOf(contacts.bromma)).url).toBe(url);
    });

    it('stops the old address when rotated, and knows no unknown token', async () => {
      const before = await feedOf(contacts.farsta);
      const since = (await t.http().get('/api/me/calendar-token').set(contacts.farsta.auth).expect(200)).body
        .createdAt as string;
      const rotated = await t.http().post('/api/me/calendar-token/rotate').set(contacts.farsta.auth).expect(200);
      expect(rotated.body.url).toMatch(/^https:\/\/vfu\.example\.se\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
      expect(rotated.body.url).not.toBe(before.url);
      await t.http().get(before.path).expect(404);
      await t.http().get(new URL(rotated.body.url).pathname).expect(200);
      const renewed = (await t.http().get('/api/me/calendar-token').set(contacts.farsta.auth).expect(200)).body;
      expect(renewed.url).toBe(rotated.body.url);
      expect(new Date(renewed.createdAt as string).getTime()).toBeGreaterThan(new Date(since).getTime());
      await t.http().get('/api/calendar/not-a-token.ics').expect(404);
      await t
        .http()
        .get(`/api/calendar/${'A'.repeat(43)}.ics`)
        .expect(404);
      // A deactivated user's feed goes dark too.
      await t.http().patch(`/api/users/${contacts.farsta.id}`).set(admin.auth).send({ active: false }).expect(200);
      await t.http().get(new URL(rotated.body.url).pathname).expect(404);
    });

    it('keeps an address made before tokens were derived working, and shows it no more until rotated', async () => {
      const legacy = await signedInUser(t, Role.DistrictContact, { district: 'bromma' });
      const token = randomBytes(32).toString('base64url');
      // As the migration leaves a token that was kept in clear: its hash, and no nonce.
      await t.dataSource.query('INSERT INTO calendar_tokens (user_id, token_hash) VALUES ($1, $2)', [
        legacy.id,
        sha256(token),
      ]);
      const feed = await t.http().get(`/api/calendar/${token}.ics`).expect(200);
      expect(parseCalendar(feed.text).method).toBe('PUBLISH');
      const status = await t.http().get('/api/me/calendar-token').set(legacy.auth).expect(200);
      expect(status.body).toEqual({ url: null, createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
      await t.http().get(`/api/calendar/${token}.ics`).expect(200);
      const rotated = await t.http().post('/api/me/calendar-token/rotate').set(legacy.auth).expect(200);
      await t.http().get(`/api/calendar/${token}.ics`).expect(404);
      expect((await feedOf(legacy)).url).toBe(rotated.body.url);

      // A nonce whose token no longer gives the stored hash (the server secret changed): the same.
      const other = await signedInUser(t, Role.DistrictContact, { district: 'farsta' });
      const kept = randomBytes(32).toString('base64url');
      await t.dataSource.query('INSERT INTO calendar_tokens (user_id, token_hash, nonce) VALUES ($1, $2, $3)', [
        other.id,
        sha256(kept),
        randomBytes(16).toString('base64url'),
      ]);
      expect((await t.http().get('/api/me/calendar-token').set(other.auth).expect(200)).body.url).toBeNull();
      await t.http().get(`/api/calendar/${kept}.ics`).expect(200);
    });

    it('gives any signed-in user one event as a calendar file', async () => {
      const response = await t.http().get(`/api/events/${ids.workshop}.ics`).set(contacts.bromma.auth).expect(200);
      expect(response.headers['content-type']).toMatch(/^text\/calendar/);
      expect(parseCalendar(response.text).events[0]).toMatchObject({
        uid: `event-${ids.workshop}@stockholm.se`,
        localStart: '2031-08-20T09:00:00',
      });
      await t.http().get(`/api/events/${ids.workshop}.ics`).expect(401);
      await t.http().get('/api/events/00000000-0000-4000-8000-000000000000.ics').set(admin.auth).expect(404);
      const list = await t.http().get('/api/events').query({ type: 'workshop' }).set(contacts.bromma.auth).expect(200);
      expect(list.body).toEqual([expect.objectContaining({ id: ids.workshop, invited: true })]);
      await t.http().post('/api/events').set(contacts.bromma.auth).send({}).expect(403);
    });
  });

  describe('attendance and reminders', () => {
    it('records attendance once the event has begun', async () => {
      const invitees = (await t.http().get(`/api/events/${ids.workshop}/invitees`).set(admin.auth).expect(200))
        .body as { id: string; email: string }[];
      const bromma = invitees.find((i) => i.email === contacts.bromma.email)!;
      const early = await t
        .http()
        .put(`/api/events/${ids.workshop}/attendance`)
        .set(admin.auth)
        .send({ attendance: [{ inviteeId: bromma.id, attended: true }] })
        .expect(409);
      expect(early.body.message).toBe('Attendance is recorded once the event has begun');
      jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date('2031-08-20T16:00:00+02:00'));
      const recorded = await t
        .http()
        .put(`/api/events/${ids.workshop}/attendance`)
        .set(admin.auth)
        .send({ attendance: [{ inviteeId: bromma.id, attended: true }] })
        .expect(200);
      expect(recorded.body.find((i: { id: string }) => i.id === bromma.id).attended).toBe(true);
      const unknown = await t
        .http()
        .put(`/api/events/${ids.workshop}/attendance`)
        .set(admin.auth)
        .send({ attendance: [{ inviteeId: ids.lecture, attended: true }] })
        .expect(400);
      expect(fields(unknown.body)).toEqual(['attendance.0.inviteeId']);
    });

    it('reminds everyone invited the day before, once', async () => {
      const sut = t.app.get(EventRemindersService);
      const dayBefore = new Date('2031-09-01T06:00:00Z');
      const first = await sut.run(dayBefore);
      expect(first.reminded).toBe((await inviteeEmails(ids.introduction)).length);
      expect((await sut.run(dayBefore)).reminded).toBe(0);
      const mail = await smtp.waitForOne(
        (m) => m.envelopeTo[0] === student.email && /^Påminnelse/.test(m.parsed.subject ?? ''),
      );
      expect(mail.parsed.subject).toBe('Påminnelse: Gemensam introduktion HT2031 i morgon');
      expect(mail.parsed.text).toContain('När: tisdag 2 september 2031 kl. 10.00–12.00');
      expect((await sut.run(new Date('2031-09-03T06:00:00Z'))).reminded).toBe(0);
    });

    it('reminds the coordinators on 1 May to plan the workshop when the year has none', async () => {
      const sut = t.app.get(EventRemindersService);
      expect((await sut.run(new Date('2031-05-01T06:00:00Z'))).workshopReminders).toBe(0); // 2031 has one
      const sent = (await sut.run(new Date('2032-05-01T06:00:00Z'))).workshopReminders;
      expect(sent).toBeGreaterThanOrEqual(1);
      expect((await sut.run(new Date('2032-05-02T06:00:00Z'))).workshopReminders).toBe(0);
      expect((await sut.run(new Date('2032-05-10T06:00:00Z'))).workshopReminders).toBe(0);
      const mail = await smtp.waitForOne(
        (m) => m.envelopeTo[0] === admin.email && /workshopen 2032/.test(m.parsed.subject ?? ''),
      );
      expect(mail.parsed.text).toContain('Ingen workshop är planerad för 2032 ännu.');
    });
  });

  it('registers the daily events job', async () => {
    const schedulers = await t.app.get(JobQueueService).queueOf(QueueName.Events).getJobSchedulers();
    expect(schedulers).toEqual([
      expect.objectContaining({ key: 'event-reminders', pattern: '0 8 * * *', tz: 'Europe/Stockholm' }),
    ]);
  });
});

describe('calendar feeds given out before tokens were hashed', () => {
  it('keep working: the migration hashes the stored clear tokens in place', async () => {
    const url = await createTestDatabase();
    const token = 'Feed-address-from-before-the-hashing-000000';
    const dataSource = new DataSource(dataSourceOptions(url));
    await dataSource.initialize();
    const migration = new HashedCalendarTokens1795700000000();
    const runner = dataSource.createQueryRunner();
    try {
      // The table as it was, with a token in clear, then the migration.
      await migration.down(runner);
      const [{ id }]: { id: string }[] = await runner.query(
        `INSERT INTO users (email, name, role, password_hash) VALUES ('old-feed@example.se', 'Anna Gammal', 'coordinator', 'x') RETURNING id`,
      );
      await runner.query('INSERT INTO calendar_tokens (user_id, token) VALUES ($1, $2)', [id, token]);
      await migration.up(runner);
      expect(await runner.query('SELECT token_hash, nonce FROM calendar_tokens')).toEqual([
        { token_hash: createHash('sha256').update(token).digest('hex'), nonce: null },
      ]);
    } finally {
      await runner.release();
      await dataSource.destroy();
    }
    const t = await startTestApp({ env: { DATABASE_URL: url } });
    try {
      const feed = await t.http().get(`/api/calendar/${token}.ics`).expect(200);
      expect(parseCalendar(feed.text).method).toBe('PUBLISH');
    } finally {
      await t.close();
    }
  });
});
