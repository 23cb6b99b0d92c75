import { Role } from '../src/common/auth/role';
import { Clock } from '../src/common/time/clock';
import { createOffer, createSupervisor, createTerm } from './factories/terms';
import { districtByCode, signedInUser, SignedInUser } from './factories/users';
import { startTestApp, TestApp } from './support/test-app';

const fields = (body: { details?: { field: string }[] }) => (body.details ?? []).map((d) => d.field).sort();

describe('supervisors', () => {
  let t: TestApp;
  let admin: SignedInUser;
  let contact: SignedInUser;
  let bromma: string;
  let farsta: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signedInUser(t, Role.Coordinator);
    contact = await signedInUser(t, Role.DistrictContact, { district: 'bromma' });
    bromma = (await districtByCode(t, 'bromma')).id;
    farsta = (await districtByCode(t, 'farsta')).id;
  });
  afterAll(() => t.close());

  it('lets a contact add their district’s supervisors, capacity 1 by default', async () => {
    const created = await t
      .http()
      .post('/api/supervisors')
      .set(contact.auth)
      .send({ districtId: bromma, name: 'Anna Andersson', email: 'Anna@Bromma.se', trainingStatus: 'in_progress' })
      .expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      districtId: bromma,
      name: 'Anna Andersson',
      email: 'anna@bromma.se',
      trainingStatus: 'in_progress',
      capacity: 1,
      active: true,
    });
    const again = await t
      .http()
      .post('/api/supervisors')
      .set(contact.auth)
      .send({ districtId: bromma, name: 'Anna A', email: 'anna@bromma.se', trainingStatus: 'none' })
      .expect(409);
    expect(again.body.message).toMatch(/already has a supervisor with this e-mail/);
    const updated = await t
      .http()
      .patch(`/api/supervisors/${created.body.id}`)
      .set(contact.auth)
      .send({ trainingStatus: 'completed', capacity: 2 })
      .expect(200);
    expect(updated.body).toMatchObject({ trainingStatus: 'completed', capacity: 2 });
  });

  it('refuses another district (403) and a university coordinator (403)', async () => {
    await t
      .http()
      .post('/api/supervisors')
      .set(contact.auth)
      .send({ districtId: farsta, name: 'X', email: 'x@farsta.se', trainingStatus: 'none' })
      .expect(403);
    const other = await createSupervisor(t, admin, farsta);
    await t.http().patch(`/api/supervisors/${other.id}`).set(contact.auth).send({ name: 'Y' }).expect(403);
    await t.http().get(`/api/supervisors/${other.id}`).set(contact.auth).expect(403);
    await t.http().get('/api/supervisors').query({ districtId: farsta }).set(contact.auth).expect(403);
    const university = await signedInUser(t, Role.UniversityCoordinator);
    await t.http().get('/api/supervisors').set(university.auth).expect(403);
  });

  it('shows a contact their own district’s supervisors, the coordinator all or one district’s', async () => {
    await createSupervisor(t, admin, farsta);
    const own = await t.http().get('/api/supervisors').set(contact.auth).expect(200);
    expect(own.body.length).toBeGreaterThan(0);
    expect(own.body.every((s: { districtId: string }) => s.districtId === bromma)).toBe(true);
    const farstas = await t.http().get('/api/supervisors').query({ districtId: farsta }).set(admin.auth).expect(200);
    expect(farstas.body.every((s: { districtId: string }) => s.districtId === farsta)).toBe(true);
  });

  it('names each bad field and writes nothing', async () => {
    const before = Number((await t.dataSource.query('SELECT count(*) AS n FROM supervisors'))[0].n);
    const bad = await t
      .http()
      .post('/api/supervisors')
      .set(contact.auth)
      .send({ districtId: bromma, name: '', email: 'not-an-email', trainingStatus: 'some', capacity: 3 })
      .expect(400);
    expect(fields(bad.body)).toEqual(['capacity', 'email', 'name', 'trainingStatus']);
    expect(Number((await t.dataSource.query('SELECT count(*) AS n FROM supervisors'))[0].n)).toBe(before);
  });
});

describe('offers', () => {
  let t: TestApp;
  let admin: SignedInUser;
  let contact: SignedInUser;
  let bromma: string;
  let farsta: string;
  const offersCount = async () => Number((await t.dataSource.query('SELECT count(*) AS n FROM placement_offers'))[0].n);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signedInUser(t, Role.Coordinator);
    contact = await signedInUser(t, Role.DistrictContact, { district: 'bromma' });
    bromma = (await districtByCode(t, 'bromma')).id;
    farsta = (await districtByCode(t, 'farsta')).id;
  });
  afterAll(() => t.close());
  afterEach(() => jest.restoreAllMocks());

  it('reports an offer: usable places are capped by the supervisors’ capacity, with a warning', async () => {
    const term = await createTerm(t, admin, {}, 'reporting');
    const anna = await createSupervisor(t, contact, bromma, { name: 'Anna', capacity: 2 });
    const bo = await createSupervisor(t, contact, bromma, { name: 'Bo', trainingStatus: 'none' });
    const full = await createOffer(t, contact, term.code, {
      districtId: bromma,
      unitName: 'Försörjningsstöd Bromma',
      places: 3,
      supervisorIds: [anna.id, bo.id],
    });
    expect(full.status).toBe(201);
    expect(full.body).toMatchObject({
      districtId: bromma,
      unitName: 'Försörjningsstöd Bromma',
      field: 'financial_assistance',
      places: 3,
      usablePlaces: 3,
      supervisorIds: [anna.id, bo.id],
    });
    expect(full.body.warnings).toEqual([
      { code: 'supervisor_untrained', supervisorId: bo.id, message: 'Bo has not taken supervisor training' },
    ]);

    const cecilia = await createSupervisor(t, contact, bromma, { name: 'Cecilia' });
    const short = await createOffer(t, contact, term.code, {
      districtId: bromma,
      field: 'elderly',
      places: 3,
      supervisorIds: [cecilia.id],
    });
    expect(short.status).toBe(201);
    expect(short.body).toMatchObject({ places: 3, usablePlaces: 1 });
    expect(short.body.warnings).toEqual([
      { code: 'supervisors_short', message: expect.stringContaining('1 of the 3 places are usable') },
    ]);
  });

  it('answers 403 when a contact writes or reads another district’s offers; the coordinator may', async () => {
    const term = await createTerm(t, admin, {}, 'reporting');
    const farstaSupervisor = await createSupervisor(t, admin, farsta);
    const before = await offersCount();
    const refused = await createOffer(t, contact, term.code, {
      districtId: farsta,
      supervisorIds: [farstaSupervisor.id],
    });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toBe('You can only act for your own district');
    expect(await offersCount()).toBe(before);
    const byAdmin = await createOffer(t, admin, term.code, {
      districtId: farsta,
      supervisorIds: [farstaSupervisor.id],
    });
    expect(byAdmin.status).toBe(201);
    await t.http().patch(`/api/offers/${byAdmin.body.id}`).set(contact.auth).send({ places: 2 }).expect(403);
    await t.http().delete(`/api/offers/${byAdmin.body.id}`).set(contact.auth).expect(403);
    await t.http().get(`/api/offers/${byAdmin.body.id}`).set(contact.auth).expect(403);
    await t.http().get(`/api/terms/${term.code}/offers`).query({ districtId: farsta }).set(contact.auth).expect(403);
    const own = await t.http().get(`/api/terms/${term.code}/offers`).set(contact.auth).expect(200);
    expect(own.body.every((o: { districtId: string }) => o.districtId === bromma)).toBe(true);
    const all = await t.http().get(`/api/terms/${term.code}/offers`).set(admin.auth).expect(200);
    expect(all.body.map((o: { id: string }) => o.id)).toContain(byAdmin.body.id);
    const university = await signedInUser(t, Role.UniversityCoordinator);
    await t.http().get(`/api/terms/${term.code}/offers`).set(university.auth).expect(403);
  });

  it('names each bad field (400): places, field, supervisors of another district; nothing written', async () => {
    const term = await createTerm(t, admin, {}, 'reporting');
    const farstaSupervisor = await createSupervisor(t, admin, farsta, { name: 'Fia Farsta' });
    const before = await offersCount();
    const bad = await t
      .http()
      .post(`/api/terms/${term.code}/offers`)
      .set(contact.auth)
      .send({ districtId: bromma, unitName: '', field: 'gardening', places: 21, supervisorIds: [] })
      .expect(400);
    expect(fields(bad.body)).toEqual(['field', 'places', 'supervisorIds', 'unitName']);
    const foreign = await createOffer(t, contact, term.code, {
      districtId: bromma,
      supervisorIds: [farstaSupervisor.id],
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.details).toEqual([
      {
        field: 'supervisorIds',
        code: 'supervisor_of_other_district',
        params: { supervisorName: 'Fia Farsta' },
        message: 'Fia Farsta belongs to another district',
      },
    ]);
    expect(await offersCount()).toBe(before);
  });

  it('closes reporting for contacts after the deadline day (Stockholm time), with a clear 409; the coordinator may still write', async () => {
    const term = await createTerm(t, admin, { reportingDeadline: '2030-03-15' }, 'reporting');
    const anna = await createSupervisor(t, contact, bromma, { capacity: 2 });
    const clock = t.app.get(Clock);
    jest.spyOn(clock, 'now').mockReturnValue(new Date('2030-03-15T22:59:00Z')); // 23:59 on the deadline day
    expect((await createOffer(t, contact, term.code, { districtId: bromma, supervisorIds: [anna.id] })).status).toBe(
      201,
    );
    jest.spyOn(clock, 'now').mockReturnValue(new Date('2030-03-15T23:00:00Z')); // midnight: the day after
    const late = await createOffer(t, contact, term.code, { districtId: bromma, supervisorIds: [anna.id] });
    expect(late.status).toBe(409);
    expect(late.body.message).toBe(
      `The reporting deadline for ${term.code} (2030-03-15) has passed. Ask the central coordinator to change offers.`,
    );
    const offers = await t.http().get(`/api/terms/${term.code}/offers`).set(contact.auth).expect(200);
    await t.http().patch(`/api/offers/${offers.body[0].id}`).set(contact.auth).send({ places: 2 }).expect(409);
    await t.http().delete(`/api/offers/${offers.body[0].id}`).set(contact.auth).expect(409);
    const fixed = await t
      .http()
      .patch(`/api/offers/${offers.body[0].id}`)
      .set(admin.auth)
      .send({ places: 2 })
      .expect(200);
    expect(fixed.body).toMatchObject({ places: 2, usablePlaces: 2 });
    expect(
      (await createOffer(t, admin, term.code, { districtId: bromma, field: 'elderly', supervisorIds: [anna.id] }))
        .status,
    ).toBe(409); // anna is full
  });

  it('closes reporting for contacts when the term has moved on to allocating', async () => {
    const term = await createTerm(t, admin, {}, 'allocating');
    const anna = await createSupervisor(t, contact, bromma);
    const refused = await createOffer(t, contact, term.code, { districtId: bromma, supervisorIds: [anna.id] });
    expect(refused.status).toBe(409);
    expect(refused.body.message).toBe(
      `Reporting for ${term.code} is closed: the term is allocating. Ask the central coordinator to change offers.`,
    );
    expect((await createOffer(t, admin, term.code, { districtId: bromma, supervisorIds: [anna.id] })).status).toBe(201);
  });

  it('shares a supervisor’s capacity across all offers of a term (409 when over-committed)', async () => {
    const term = await createTerm(t, admin, {}, 'reporting');
    const dora = await createSupervisor(t, contact, bromma, { name: 'Dora Dahl', capacity: 2 });
    const a = await createOffer(t, contact, term.code, {
      districtId: bromma,
      unitName: 'Enhet A',
      places: 1,
      supervisorIds: [dora.id],
    });
    const b = await createOffer(t, contact, term.code, {
      districtId: bromma,
      unitName: 'Enhet B',
      places: 1,
      supervisorIds: [dora.id],
    });
    expect([a.status, b.status]).toEqual([201, 201]);
    const c = await createOffer(t, contact, term.code, {
      districtId: bromma,
      unitName: 'Enhet C',
      places: 1,
      supervisorIds: [dora.id],
    });
    expect(c.status).toBe(409);
    expect(c.body.message).toBe(
      `Supervisors over-committed in ${term.code}: Dora Dahl can supervise 2 student(s) in all, but the offers ` +
        'Enhet A (financial_assistance), Enhet B (financial_assistance), Enhet C (financial_assistance) need 3. Name other supervisors, lower the places, or raise a capacity.',
    );
    // Lowering her capacity would leave one of the two offers without a supervisor.
    const lower = await t
      .http()
      .patch(`/api/supervisors/${dora.id}`)
      .set(contact.auth)
      .send({ capacity: 1 })
      .expect(409);
    expect(lower.body.code).toBe('supervisor_overcommitted');
    // Another term has capacity of its own.
    const next = await createTerm(t, admin, {}, 'reporting');
    expect(
      (await createOffer(t, contact, next.code, { districtId: bromma, places: 2, supervisorIds: [dora.id] })).status,
    ).toBe(201);
    // A supervisor who leaves supervises no one: her offers keep their places but none is usable.
    await t.http().patch(`/api/supervisors/${dora.id}`).set(contact.auth).send({ active: false }).expect(200);
    const after = await t.http().get(`/api/offers/${a.body.id}`).set(contact.auth).expect(200);
    expect(after.body).toMatchObject({ places: 1, usablePlaces: 0 });
    expect(after.body.warnings.map((w: { code: string }) => w.code)).toEqual([
      'supervisors_short',
      'supervisor_inactive',
    ]);
    const named = await createOffer(t, contact, next.code, {
      districtId: bromma,
      unitName: 'Enhet D',
      supervisorIds: [dora.id],
    });
    expect(named.status).toBe(400);
    expect(named.body.details).toEqual([
      {
        field: 'supervisorIds',
        code: 'supervisor_inactive',
        params: { supervisorName: 'Dora Dahl' },
        message: 'Dora Dahl is not active',
      },
    ]);
  });

  it('never over-commits a supervisor under concurrent reports', async () => {
    const term = await createTerm(t, admin, {}, 'reporting');
    const erik = await createSupervisor(t, contact, bromma, { capacity: 1 });
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        createOffer(t, contact, term.code, {
          districtId: bromma,
          unitName: `Parallell ${i}`,
          supervisorIds: [erik.id],
        }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
  });

  it('refuses a second offer of the same unit in the same field (409)', async () => {
    const term = await createTerm(t, admin, {}, 'reporting');
    const fia = await createSupervisor(t, contact, bromma, { capacity: 2 });
    expect(
      (
        await createOffer(t, contact, term.code, {
          districtId: bromma,
          unitName: 'Socialpsykiatri Bromma',
          field: 'social_psychiatry',
          supervisorIds: [fia.id],
        })
      ).status,
    ).toBe(201);
    const twin = await createOffer(t, contact, term.code, {
      districtId: bromma,
      unitName: 'Socialpsykiatri Bromma',
      field: 'social_psychiatry',
      supervisorIds: [fia.id],
    });
    expect(twin.status).toBe(409);
    expect(twin.body.message).toMatch(/already has an offer in this field/);
  });

  it('lets a contact change and withdraw their offers until the deadline, audited', async () => {
    const term = await createTerm(t, admin, {}, 'reporting');
    const gun = await createSupervisor(t, contact, bromma, { capacity: 2 });
    const hans = await createSupervisor(t, contact, bromma);
    const offer = await createOffer(t, contact, term.code, { districtId: bromma, places: 2, supervisorIds: [gun.id] });
    const changed = await t
      .http()
      .patch(`/api/offers/${offer.body.id}`)
      .set(contact.auth)
      .send({ places: 3, supervisorIds: [gun.id, hans.id] })
      .expect(200);
    expect(changed.body).toMatchObject({ places: 3, usablePlaces: 3, warnings: [] });
    const log = await t
      .http()
      .get('/api/audit-log')
      .query({ entityType: 'offer', entityId: offer.body.id })
      .set(admin.auth)
      .expect(200);
    expect(log.body[0]).toMatchObject({
      action: 'offer.updated',
      actorId: contact.id,
      changes: { places: { from: 2, to: 3 } },
    });
    await t.http().delete(`/api/offers/${offer.body.id}`).set(contact.auth).expect(204);
    await t.http().get(`/api/offers/${offer.body.id}`).set(contact.auth).expect(404);
  });
});
