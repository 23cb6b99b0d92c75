import { Role } from '../src/common/auth/role';
import { createOffer, createSupervisor, createTerm, moveTo } from './factories/terms';
import { districtByCode, signedInUser, SignedInUser, universityByCode } from './factories/users';
import { startTestApp, TestApp } from './support/test-app';

const fields = (body: { details?: { field: string }[] }) => (body.details ?? []).map((d) => d.field).sort();

describe('paging the lists with limit, offset and X-Total-Count', () => {
  let t: TestApp;
  let admin: SignedInUser;
  let bromma: SignedInUser;
  let farsta: SignedInUser;
  let sh: SignedInUser;
  let code: string;

  const get = (by: SignedInUser, path: string) => t.http().get(path).set(by.auth);
  const ids = (body: { id: string }[]) => body.map((row) => row.id);

  /** Walks a list page by page and gives the rows in order with the totals each page said. */
  const walk = async (by: SignedInUser, path: string, limit: number) => {
    const rows: { id: string }[] = [];
    const totals: number[] = [];
    for (let offset = 0; offset === 0 || offset < totals[0]; offset += limit) {
      const page = await get(by, `${path}${path.includes('?') ? '&' : '?'}limit=${limit}&offset=${offset}`).expect(200);
      expect(page.body.length).toBeLessThanOrEqual(limit);
      rows.push(...page.body);
      totals.push(Number(page.headers['x-total-count']));
    }
    return { rows, totals };
  };

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signedInUser(t, Role.Coordinator);
    bromma = await signedInUser(t, Role.DistrictContact, { district: 'bromma' });
    farsta = await signedInUser(t, Role.DistrictContact, { district: 'farsta' });
    sh = await signedInUser(t, Role.UniversityCoordinator, { university: 'SH' });
    const districts = {
      bromma: (await districtByCode(t, 'bromma')).id,
      farsta: (await districtByCode(t, 'farsta')).id,
    };
    const universities = { SU: (await universityByCode(t, 'SU')).id, SH: (await universityByCode(t, 'SH')).id };
    code = (await createTerm(t, admin, {}, 'reporting')).code;

    const placeable: { offerId: string; supervisorId: string }[] = [];
    for (const [district, count] of [
      ['bromma', 7],
      ['farsta', 3],
    ] as const) {
      for (let i = 0; i < count; i++) {
        const supervisor = await createSupervisor(t, admin, districts[district]);
        // Same unit names in pairs: the order needs its tie-breaker on id.
        const offer = await createOffer(t, admin, code, {
          districtId: districts[district],
          unitName: `Enhet ${Math.floor(i / 2)}`,
          field: i % 2 ? 'elderly' : 'financial_assistance',
          supervisorIds: [supervisor.id],
        });
        expect(offer.status).toBe(201);
        placeable.push({ offerId: offer.body.id, supervisorId: supervisor.id });
      }
    }
    const students: string[] = [];
    for (let i = 0; i < 10; i++) {
      const university = i < 7 ? 'SU' : 'SH';
      const created = await t
        .http()
        .post(`/api/terms/${code}/students`)
        .set(admin.auth)
        .send({
          universityId: universities[university],
          name: i % 3 ? 'Samma Namn' : `Student ${i}`,
          email: `student${i}@student.example.se`,
          studentRef: `${university}-${i}`,
          fieldPreferences: ['financial_assistance', 'elderly'],
        })
        .expect(201);
      students.push(created.body.id);
    }
    for (const [university, quota] of [
      ['SU', 7],
      ['SH', 3],
    ] as const) {
      await t
        .http()
        .put(`/api/terms/${code}/quotas/${universities[university]}`)
        .set(admin.auth)
        .send({ quota })
        .expect(200);
    }
    await moveTo(t, admin, code, 'allocating');
    // Students 0–6 at Bromma's first seven offers, 7–9 at Farsta's three.
    for (let i = 0; i < 10; i++) {
      await t
        .http()
        .post(`/api/terms/${code}/assignments`)
        .set(admin.auth)
        .send({ studentId: students[i], ...placeable[i] })
        .expect((r) => {
          if (r.status !== 201) throw new Error(JSON.stringify(r.body));
        });
    }
    for (const [by, name] of [
      [bromma, 'Vera'],
      [bromma, 'Ville'],
      [farsta, 'Olle'],
    ] as const) {
      await t
        .http()
        .post('/api/student-requests')
        .set(by.auth)
        .send({
          studentName: name,
          studentEmail: `${name.toLowerCase()}@student.su.se`,
          universityId: universities.SU,
          message: 'Jag vill göra VFU här.',
        })
        .expect(201);
    }
  });
  afterAll(() => t.close());

  it.each([
    ['offers', () => `/api/terms/${code}/offers`, 10],
    ['students', () => `/api/terms/${code}/students`, 10],
    ['assignments', () => `/api/terms/${code}/assignments`, 10],
    ['supervisors', () => '/api/supervisors', 10],
    ['student requests', () => '/api/student-requests', 3],
  ])('gives the %s in pages that neither overlap nor skip, together the whole list', async (_, path, total) => {
    const whole = await get(admin, path()).expect(200);
    expect(whole.body).toHaveLength(total);
    expect(whole.headers['x-total-count']).toBe(String(total));
    const { rows, totals } = await walk(admin, path(), 3);
    expect(totals.every((n) => n === total)).toBe(true);
    expect(ids(rows)).toEqual(ids(whole.body));
  });

  it('pages the users the same way (the lists without a term)', async () => {
    const whole = await get(admin, '/api/users').expect(200);
    expect(whole.body.length).toBeGreaterThanOrEqual(4);
    const { rows, totals } = await walk(admin, '/api/users', 2);
    expect(totals[0]).toBe(whole.body.length);
    expect(ids(rows)).toEqual(ids(whole.body));
  });

  it('counts only what a district contact may see', async () => {
    const offers = await get(bromma, `/api/terms/${code}/offers?limit=2&offset=6`).expect(200);
    expect(offers.headers['x-total-count']).toBe('7');
    expect(offers.body).toHaveLength(1);
    const supervisors = await walk(farsta, '/api/supervisors', 2);
    expect(supervisors.totals[0]).toBe(3);
    expect(
      supervisors.rows.every((s) => (s as unknown as { districtId: string }).districtId === farsta.districtId),
    ).toBe(true);
    const placed = await walk(farsta, `/api/terms/${code}/assignments`, 2);
    expect([placed.totals[0], placed.rows.length]).toEqual([3, 3]);
    const students = await walk(bromma, `/api/terms/${code}/students`, 5);
    expect([students.totals[0], students.rows.length]).toEqual([7, 7]);
    const requests = await get(farsta, '/api/student-requests?limit=1').expect(200);
    expect(requests.headers['x-total-count']).toBe('1');
  });

  it('counts only what a university coordinator may see', async () => {
    const students = await get(sh, `/api/terms/${code}/students?limit=2`).expect(200);
    expect([students.headers['x-total-count'], students.body.length]).toEqual(['3', 2]);
    const placed = await get(sh, `/api/terms/${code}/assignments?limit=1&offset=2`).expect(200);
    expect([placed.headers['x-total-count'], placed.body.length]).toEqual(['3', 1]);
  });

  it('answers a page past the end with no rows and the total still counted', async () => {
    const past = await get(admin, `/api/terms/${code}/assignments?limit=5&offset=50`).expect(200);
    expect([past.body, past.headers['x-total-count']]).toEqual([[], '10']);
    const offers = await get(admin, `/api/terms/${code}/offers?limit=5&offset=50`).expect(200);
    expect([offers.body, offers.headers['x-total-count']]).toEqual([[], '10']);
  });

  it('downloads every placement as CSV whatever the page says', async () => {
    const csv = await get(admin, `/api/terms/${code}/assignments?format=csv&limit=2&offset=4`).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text.trim().split('\n')).toHaveLength(11);
  });

  it('pages the audit log, the outbox, the events and the allocation runs with the same header', async () => {
    const audit = await walk(admin, '/api/audit-log', 40);
    expect(audit.totals[0]).toBeGreaterThan(40);
    expect(new Set(ids(audit.rows)).size).toBe(audit.totals[0]);
    // Without a limit the audit log keeps its page of 100, as before.
    expect((await get(admin, '/api/audit-log').expect(200)).body.length).toBe(Math.min(100, audit.totals[0]));
    for (const path of ['/api/notifications', '/api/events', `/api/terms/${code}/allocation-runs`]) {
      const whole = await get(admin, path).expect(200);
      const page = await get(admin, `${path}?limit=1`).expect(200);
      expect(page.headers['x-total-count']).toBe(String(whole.body.length));
      expect(page.body.length).toBe(Math.min(1, whole.body.length));
    }
  });

  it.each([
    ['limit=0', ['limit']],
    ['limit=501', ['limit']],
    ['limit=abc', ['limit']],
    ['offset=-1', ['offset']],
    ['limit=1.5&offset=x', ['limit', 'offset']],
  ])('refuses %s with a 400 naming the field', async (query, named) => {
    for (const path of [
      `/api/terms/${code}/offers`,
      `/api/terms/${code}/assignments`,
      `/api/terms/${code}/allocation-runs`,
      '/api/users',
      '/api/events',
    ]) {
      const refused = await get(admin, `${path}?${query}`).expect(400);
      expect([refused.body.code, fields(refused.body)]).toEqual(['validation_failed', named]);
    }
  });
});
