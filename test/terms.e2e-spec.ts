import { Role } from '../src/common/auth/role';
import { createTerm, moveTo, uniqueTermCode } from './factories/terms';
import { districtByCode, signedInUser, SignedInUser, universityByCode } from './factories/users';
import { startTestApp, TestApp } from './support/test-app';

const fields = (body: { details?: { field: string }[] }) => (body.details ?? []).map((d) => d.field).sort();

describe('terms', () => {
  let t: TestApp;
  let admin: SignedInUser;
  let su: string;
  let esb: string;
  const count = async (table: string) => Number((await t.dataSource.query(`SELECT count(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signedInUser(t, Role.Coordinator);
    su = (await universityByCode(t, 'SU')).id;
    esb = (await universityByCode(t, 'ESB')).id;
  });
  afterAll(() => t.close());

  it('creates a term in planning with a target of 100 by default, and lists it for every role', async () => {
    const created = await t
      .http()
      .post('/api/terms')
      .set(admin.auth)
      .send({
        code: 'HT2026',
        reportingDeadline: '2026-05-15',
        periods: [
          { universityId: esb, startsOn: '2026-09-07', endsOn: '2027-01-15' },
          { universityId: su, startsOn: '2026-08-31', endsOn: '2027-01-17' },
        ],
      })
      .expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      code: 'HT2026',
      targetPlaces: 100,
      reportingDeadline: '2026-05-15',
      status: 'planning',
      periods: [
        { universityId: su, startsOn: '2026-08-31', endsOn: '2027-01-17' },
        { universityId: esb, startsOn: '2026-09-07', endsOn: '2027-01-15' },
      ],
    });
    for (const role of [Role.DistrictContact, Role.UniversityCoordinator]) {
      const user = await signedInUser(t, role);
      const one = await t.http().get('/api/terms/HT2026').set(user.auth).expect(200);
      expect(one.body).toEqual(created.body);
      const list = await t.http().get('/api/terms').set(user.auth).expect(200);
      expect(list.body.map((term: { code: string }) => term.code)).toContain('HT2026');
    }
    await t.http().get('/api/terms/VT1999').set(admin.auth).expect(404);
  });

  it('answers 409 for a code that exists, and writes nothing', async () => {
    const term = await createTerm(t, admin);
    const before = await count('terms');
    const again = await t
      .http()
      .post('/api/terms')
      .set(admin.auth)
      .send({
        code: term.code,
        reportingDeadline: '2026-05-15',
        periods: [{ universityId: su, startsOn: '2026-08-31', endsOn: '2027-01-17' }],
      })
      .expect(409);
    expect(again.body.message).toBe(`A term with the code ${term.code} already exists`);
    expect([again.body.code, again.body.params]).toEqual(['term_code_taken', { termCode: term.code }]);
    expect(await count('terms')).toBe(before);
  });

  it('names every bad field (400) and writes nothing', async () => {
    const [terms, periods] = [await count('terms'), await count('term_periods')];
    const bad = await t
      .http()
      .post('/api/terms')
      .set(admin.auth)
      .send({
        code: 'HT26',
        targetPlaces: 0,
        reportingDeadline: '2026-02-30',
        periods: [{ universityId: 'x', startsOn: '2026-13-01', endsOn: '2026-01-01' }],
        extra: 1,
      })
      .expect(400);
    expect(fields(bad.body)).toEqual([
      'code',
      'extra',
      'periods.0.startsOn',
      'periods.0.universityId',
      'reportingDeadline',
      'targetPlaces',
    ]);
    const semantic = await t
      .http()
      .post('/api/terms')
      .set(admin.auth)
      .send({
        code: uniqueTermCode(),
        reportingDeadline: '2026-05-15',
        periods: [
          { universityId: su, startsOn: '2026-09-01', endsOn: '2026-08-01' },
          { universityId: su, startsOn: '2026-09-01', endsOn: '2026-12-01' },
          { universityId: '00000000-0000-4000-8000-000000000000', startsOn: '2026-09-01', endsOn: '2026-12-01' },
        ],
      })
      .expect(400);
    expect(semantic.body.details).toEqual([
      {
        field: 'periods.0.endsOn',
        code: 'period_ends_before_start',
        params: { startsOn: '2026-09-01', endsOn: '2026-08-01' },
        message: 'must be after startsOn',
      },
      {
        field: 'periods.1.universityId',
        code: 'period_university_twice',
        params: { universityName: expect.any(String) },
        message: 'has a period already',
      },
      { field: 'periods.2.universityId', code: 'no_such_university', params: {}, message: 'no such university' },
    ]);
    const tooBig = await t
      .http()
      .post('/api/terms')
      .set(admin.auth)
      .send({ code: uniqueTermCode(), targetPlaces: 1001, reportingDeadline: '2026-05-15', periods: [] })
      .expect(400);
    expect(fields(tooBig.body)).toEqual(['periods', 'targetPlaces']);
    expect([await count('terms'), await count('term_periods')]).toEqual([terms, periods]);
  });

  it('lets only the coordinator create and change terms', async () => {
    const term = await createTerm(t, admin);
    for (const role of [Role.DistrictContact, Role.UniversityCoordinator]) {
      const user = await signedInUser(t, role);
      await t
        .http()
        .post('/api/terms')
        .set(user.auth)
        .send({
          code: uniqueTermCode(),
          reportingDeadline: '2026-05-15',
          periods: [{ universityId: su, startsOn: '2026-08-31', endsOn: '2027-01-17' }],
        })
        .expect(403);
      await t.http().patch(`/api/terms/${term.code}`).set(user.auth).send({ targetPlaces: 90 }).expect(403);
    }
  });

  it('moves one step at a time along planning → reporting → allocating → published → closed', async () => {
    const term = await createTerm(t, admin);
    const skip = await t
      .http()
      .patch(`/api/terms/${term.code}`)
      .set(admin.auth)
      .send({ status: 'allocating' })
      .expect(409);
    expect(skip.body.message).toBe('A term cannot go from planning to allocating; the next status is reporting');
    expect([skip.body.code, skip.body.params]).toEqual([
      'invalid_status_transition',
      { termCode: term.code, from: 'planning', to: 'allocating', next: 'reporting' },
    ]);
    await t.http().patch(`/api/terms/${term.code}`).set(admin.auth).send({ status: 'reporting' }).expect(200);
    const back = await t
      .http()
      .patch(`/api/terms/${term.code}`)
      .set(admin.auth)
      .send({ status: 'planning' })
      .expect(409);
    expect(back.body.message).toBe('A term cannot go from reporting to planning; the next status is allocating');
    await moveTo(t, admin, term.code, 'allocating');
    const publish = await t
      .http()
      .patch(`/api/terms/${term.code}`)
      .set(admin.auth)
      .send({ status: 'published' })
      .expect(409);
    expect(publish.body.message).toBe(
      `A term is published by publishing its placements: POST /api/terms/${term.code}/assignments/publish`,
    );
    const bad = await t.http().patch(`/api/terms/${term.code}`).set(admin.auth).send({ status: 'done' }).expect(400);
    expect(fields(bad.body)).toEqual(['status']);
  });

  it('changes target, deadline and periods, and audits each change', async () => {
    const term = await createTerm(t, admin);
    const updated = await t
      .http()
      .patch(`/api/terms/${term.code}`)
      .set(admin.auth)
      .send({
        targetPlaces: 120,
        reportingDeadline: '2999-11-30',
        periods: [{ universityId: esb, startsOn: '3000-09-01', endsOn: '3000-12-20' }],
      })
      .expect(200);
    expect(updated.body).toMatchObject({
      targetPlaces: 120,
      reportingDeadline: '2999-11-30',
      periods: [{ universityId: esb, startsOn: '3000-09-01', endsOn: '3000-12-20' }],
    });
    const log = await t
      .http()
      .get('/api/audit-log')
      .query({ entityType: 'term', entityId: term.id })
      .set(admin.auth)
      .expect(200);
    expect(log.body.map((e: { action: string }) => e.action)).toEqual([
      'term.updated',
      'term.periods_replaced',
      'term.created',
    ]);
    expect(log.body[0].changes).toEqual({
      targetPlaces: { from: 100, to: 120 },
      reportingDeadline: { from: '2999-12-31', to: '2999-11-30' },
    });
  });

  it('opening the reporting e-mails every district contact person once', async () => {
    const contact = await signedInUser(t, Role.DistrictContact, { district: 'alvsjo' });
    await t
      .http()
      .patch(`/api/districts/${(await districtByCode(t, 'alvsjo')).id}`)
      .set(admin.auth)
      .send({ contactUserId: contact.id })
      .expect(200);
    const term = await createTerm(t, admin, { reportingDeadline: '2999-05-15' });
    await t.http().patch(`/api/terms/${term.code}`).set(admin.auth).send({ status: 'reporting' }).expect(200);
    await t.http().patch(`/api/terms/${term.code}`).set(admin.auth).send({ status: 'reporting' }).expect(200);
    const mails = await t.dataSource.query(
      `SELECT recipient_email, template, data FROM notifications WHERE idempotency_key LIKE $1`,
      [`reporting-opened-${term.id}-%`],
    );
    expect(mails).toEqual([
      {
        recipient_email: contact.email,
        template: 'reporting-opened',
        data: expect.objectContaining({ districtName: 'Älvsjö', termCode: term.code, deadline: '15 maj 2999' }),
      },
    ]);
  });
});

describe('university demand', () => {
  let t: TestApp;
  let admin: SignedInUser;
  let suCoordinator: SignedInUser;
  let su: string;
  let sh: string;
  let code: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signedInUser(t, Role.Coordinator);
    suCoordinator = await signedInUser(t, Role.UniversityCoordinator, { university: 'SU' });
    su = (await universityByCode(t, 'SU')).id;
    sh = (await universityByCode(t, 'SH')).id;
    code = (await createTerm(t, admin)).code;
  });
  afterAll(() => t.close());

  it('lets a university coordinator state their own university’s demand, and see only their own', async () => {
    const put = await t
      .http()
      .put(`/api/terms/${code}/demand/${su}`)
      .set(suCoordinator.auth)
      .send({ requestedPlaces: 45 })
      .expect(200);
    expect(put.body).toMatchObject({ universityId: su, code: 'SU', requestedPlaces: 45 });
    await t
      .http()
      .put(`/api/terms/${code}/demand/${su}`)
      .set(suCoordinator.auth)
      .send({ requestedPlaces: 48 })
      .expect(200);
    const own = await t.http().get(`/api/terms/${code}/demand`).set(suCoordinator.auth).expect(200);
    expect(own.body).toEqual([expect.objectContaining({ code: 'SU', requestedPlaces: 48 })]);
    const all = await t.http().get(`/api/terms/${code}/demand`).set(admin.auth).expect(200);
    expect(all.body.map((d: { code: string; requestedPlaces: number | null }) => [d.code, d.requestedPlaces])).toEqual([
      ['ESB', null],
      ['SH', null],
      ['SU', 48],
    ]);
  });

  it('refuses another university (403), a district contact (403), and bad numbers (400)', async () => {
    await t
      .http()
      .put(`/api/terms/${code}/demand/${sh}`)
      .set(suCoordinator.auth)
      .send({ requestedPlaces: 10 })
      .expect(403);
    const contact = await signedInUser(t, Role.DistrictContact);
    await t.http().put(`/api/terms/${code}/demand/${su}`).set(contact.auth).send({ requestedPlaces: 10 }).expect(403);
    await t.http().get(`/api/terms/${code}/demand`).set(contact.auth).expect(403);
    const bad = await t
      .http()
      .put(`/api/terms/${code}/demand/${su}`)
      .set(suCoordinator.auth)
      .send({ requestedPlaces: -1 })
      .expect(400);
    expect(fields(bad.body)).toEqual(['requestedPlaces']);
    const badId = await t
      .http()
      .put(`/api/terms/${code}/demand/nope`)
      .set(admin.auth)
      .send({ requestedPlaces: 1 })
      .expect(400);
    expect(fields(badId.body)).toEqual(['universityId']);
  });

  it('closes demand for universities once allocation starts; the coordinator may still set it', async () => {
    const term = await createTerm(t, admin, {}, 'allocating');
    const closed = await t
      .http()
      .put(`/api/terms/${term.code}/demand/${su}`)
      .set(suCoordinator.auth)
      .send({ requestedPlaces: 10 })
      .expect(409);
    expect(closed.body.message).toMatch(/can no longer be changed: the term is allocating/);
    await t
      .http()
      .put(`/api/terms/${term.code}/demand/${su}`)
      .set(admin.auth)
      .send({ requestedPlaces: 10 })
      .expect(200);
  });
});
