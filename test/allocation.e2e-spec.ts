import { setTimeout as sleep } from 'node:timers/promises';
import { Role } from '../src/common/auth/role';
import { createSupervisor, createTerm } from './factories/terms';
import { districtByCode, signedInUser, SignedInUser, universityByCode } from './factories/users';
import { freePort } from './support/own-redis';
import { startTestApp, TestApp } from './support/test-app';
import { TestSmtp } from './support/test-smtp';
import { waitForIdle } from './support/wait-for-idle';

async function waitForRun(t: TestApp, admin: SignedInUser, id: string) {
  for (let i = 0; i < 200; i++) {
    const { body } = await t.http().get(`/api/allocation-runs/${id}`).set(admin.auth).expect(200);
    if (body.status === 'succeeded' || body.status === 'failed') return body;
    await sleep(50);
  }
  throw new Error('the allocation run did not finish');
}

/**
 * A small term worked out by hand. Offers (usable places): O1 Bromma children_youth 2 (A
 * completed, B none), O2 Södermalm elderly 2 (C in progress, E none, both capacity 2), O3 Farsta
 * financial_assistance 1 (D), O5 Norrmalm disability 2 (G, H). Quotas overridden: SU 3, ESB 2,
 * SH 1. The best allocation places 5 (O5 suits no one) at cost 3: s1→O1 0, h→O1 0, e1→O2 0,
 * s4→O2 0, e2→O3 3. s2 (cost 2 at O2, 3 at O1) loses to the cheaper ones: capacity exhausted;
 * s3 wants only Bromma's field but excludes Bromma: no acceptable offer; of h1/h2 only one fits
 * SH's quota of 1.
 */
describe('allocation, assignments and publication', () => {
  let smtp: TestSmtp;
  let t: TestApp;
  let admin: SignedInUser;
  let code: string;
  const d: Record<string, string> = {};
  const u: Record<string, string> = {};
  const s: Record<string, string> = {};
  const o: Record<string, string> = {};
  const h: Record<string, string> = {};
  const contacts: Record<string, SignedInUser> = {};
  const universityUsers: Record<string, SignedInUser> = {};

  beforeAll(async () => {
    smtp = new TestSmtp(await freePort());
    await smtp.start();
    t = await startTestApp({ env: { SMTP_URL: smtp.url, MAIL_BACKOFF_MS: '50', OUTBOX_SWEEP_MS: '300' } });
    admin = await signedInUser(t, Role.Coordinator);
    for (const code of ['bromma', 'sodermalm', 'farsta', 'norrmalm']) d[code] = (await districtByCode(t, code)).id;
    for (const code of ['SU', 'ESB', 'SH']) u[code] = (await universityByCode(t, code)).id;
    for (const district of ['bromma', 'sodermalm']) {
      contacts[district] = await signedInUser(t, Role.DistrictContact, { district });
      await t
        .http()
        .patch(`/api/districts/${d[district]}`)
        .set(admin.auth)
        .send({ contactUserId: contacts[district].id })
        .expect(200);
    }
    for (const university of ['SU', 'SH'])
      universityUsers[university] = await signedInUser(t, Role.UniversityCoordinator, { university });

    code = (await createTerm(t, admin, {}, 'reporting')).code;
    const supervisor = async (key: string, district: string, trainingStatus: string, capacity = 1) => {
      h[key] = (
        await createSupervisor(t, admin, d[district], { name: `Handledare ${key}`, trainingStatus, capacity })
      ).id;
    };
    await supervisor('A', 'bromma', 'completed');
    await supervisor('B', 'bromma', 'none');
    await supervisor('C', 'sodermalm', 'in_progress', 2);
    await supervisor('E', 'sodermalm', 'none', 2);
    await supervisor('D', 'farsta', 'completed');
    await supervisor('G', 'norrmalm', 'completed');
    await supervisor('H', 'norrmalm', 'completed');
    const offer = async (key: string, district: string, field: string, places: number, supervisors: string[]) => {
      const response = await t
        .http()
        .post(`/api/terms/${code}/offers`)
        .set(admin.auth)
        .send({
          districtId: d[district],
          unitName: `Enhet ${key}`,
          field,
          places,
          supervisorIds: supervisors.map((k) => h[k]),
        })
        .expect(201);
      o[key] = response.body.id;
    };
    await offer('O1', 'bromma', 'children_youth', 2, ['A', 'B']);
    await offer('O2', 'sodermalm', 'elderly', 2, ['C', 'E']);
    await offer('O3', 'farsta', 'financial_assistance', 1, ['D']);
    await offer('O5', 'norrmalm', 'disability', 2, ['G', 'H']);
    for (const [university, quota] of [
      ['SU', 3],
      ['ESB', 2],
      ['SH', 1],
    ] as const) {
      await t.http().put(`/api/terms/${code}/quotas/${u[university]}`).set(admin.auth).send({ quota }).expect(200);
    }
    const student = async (
      key: string,
      university: string,
      fieldPreferences: string[],
      districtPreferences: string[] = [],
      excluded: string[] = [],
    ) => {
      const response = await t
        .http()
        .post(`/api/terms/${code}/students`)
        .set(admin.auth)
        .send({
          universityId: u[university],
          name: `Student ${key}`,
          email: `${key}@student.example.se`,
          studentRef: `${university}-${key}`,
          fieldPreferences,
          districtPreferences: districtPreferences.map((k) => d[k]),
          excludedDistrictIds: excluded.map((k) => d[k]),
        })
        .expect(201);
      s[key] = response.body.id;
    };
    await student('s1', 'SU', ['children_youth'], ['bromma']);
    await student('s2', 'SU', ['children_youth', 'elderly'], ['sodermalm']);
    await student('s3', 'SU', ['children_youth'], [], ['bromma']);
    await student('s4', 'SU', ['elderly'], ['sodermalm']);
    await student('e1', 'ESB', ['elderly'], ['sodermalm']);
    await student('e2', 'ESB', ['financial_assistance', 'children_youth']);
    await student('h1', 'SH', ['children_youth'], ['bromma']);
    await student('h2', 'SH', ['children_youth'], ['bromma']);
    await t.http().patch(`/api/terms/${code}`).set(admin.auth).send({ status: 'allocating' }).expect(200);
  });
  afterAll(async () => {
    await t.close();
    await smtp.stop();
  });

  it('runs the allocation as a job and proposes the hand-checked optimum, explaining who is left out', async () => {
    const queued = await t.http().post(`/api/terms/${code}/allocation-runs`).set(admin.auth).expect(202);
    expect(queued.body).toEqual({ id: expect.any(String), status: 'queued' });
    const run = await waitForRun(t, admin, queued.body.id);
    expect(run).toMatchObject({ status: 'succeeded', placed: 5, totalCost: 3 });
    const placedSh = run.proposals.find(
      (p: { studentId: string }) => p.studentId === s.h1 || p.studentId === s.h2,
    ).studentId;
    const otherSh = placedSh === s.h1 ? s.h2 : s.h1;
    const byStudent = Object.fromEntries(run.proposals.map((p: { studentId: string }) => [p.studentId, p]));
    expect(byStudent[s.s1]).toMatchObject({ offerId: o.O1, cost: 0 });
    expect(byStudent[placedSh]).toMatchObject({ offerId: o.O1, cost: 0 });
    expect(byStudent[s.e1]).toMatchObject({ offerId: o.O2, supervisorId: h.C, cost: 0 });
    expect(byStudent[s.s4]).toMatchObject({ offerId: o.O2, supervisorId: h.C, cost: 0 });
    expect(byStudent[s.e2]).toMatchObject({ offerId: o.O3, supervisorId: h.D, cost: 3 });
    expect([byStudent[s.s1].supervisorId, byStudent[placedSh].supervisorId].sort()).toEqual([h.A, h.B].sort());
    expect(
      run.unplaced.sort((a: { studentId: string }, b: { studentId: string }) => a.studentId.localeCompare(b.studentId)),
    ).toEqual(
      [
        { studentId: s.s2, reason: 'capacity_exhausted' },
        { studentId: s.s3, reason: 'no_acceptable_offer' },
        { studentId: otherSh, reason: 'quota_reached' },
      ].sort((a, b) => a.studentId.localeCompare(b.studentId)),
    );
    expect(run.universities).toEqual(
      expect.arrayContaining([
        { universityId: u.SU, quota: 3, placed: 2 },
        { universityId: u.ESB, quota: 2, placed: 2 },
        { universityId: u.SH, quota: 1, placed: 1 },
      ]),
    );
    // The same term gives the same result.
    const again = await waitForRun(
      t,
      admin,
      (await t.http().post(`/api/terms/${code}/allocation-runs`).set(admin.auth).expect(202)).body.id,
    );
    expect(again.proposals).toEqual(run.proposals);

    const applied = await t.http().post(`/api/allocation-runs/${run.id}/apply`).set(admin.auth).expect(200);
    expect(applied.body).toEqual({ applied: 5 });
    const list = await t.http().get(`/api/terms/${code}/assignments`).set(admin.auth).expect(200);
    expect(list.body).toHaveLength(5);
    expect(list.body[0]).toEqual({
      id: expect.any(String),
      studentId: expect.any(String),
      studentName: expect.any(String),
      universityId: expect.any(String),
      offerId: expect.any(String),
      districtId: expect.any(String),
      unitName: expect.any(String),
      field: expect.any(String),
      supervisorId: expect.any(String),
      supervisorName: expect.any(String),
      supervisorEmail: expect.any(String),
      status: 'draft',
      cost: expect.any(Number),
    });
    const balance = await t.http().get(`/api/terms/${code}/balance`).set(admin.auth).expect(200);
    expect(balance.body.universities.map((x: { code: string; assigned: number }) => [x.code, x.assigned])).toEqual([
      ['ESB', 2],
      ['SH', 1],
      ['SU', 2],
    ]);
    // Applying again replaces the drafts rather than adding to them.
    await t.http().post(`/api/allocation-runs/${run.id}/apply`).set(admin.auth).expect(200);
    expect((await t.http().get(`/api/terms/${code}/assignments`).set(admin.auth)).body).toHaveLength(5);
  });

  it('enforces every capacity rule on manual changes: offer, supervisor, quota, one placement per student', async () => {
    const list = async () =>
      (await t.http().get(`/api/terms/${code}/assignments`).set(admin.auth)).body as {
        id: string;
        studentId: string;
      }[];
    const assign = (student: string, offer: string, supervisor: string) =>
      t
        .http()
        .post(`/api/terms/${code}/assignments`)
        .set(admin.auth)
        .send({ studentId: s[student], offerId: o[offer], supervisorId: h[supervisor] });

    const s4 = (await list()).find((a) => a.studentId === s.s4)!;
    await t.http().delete(`/api/assignments/${s4.id}`).set(admin.auth).expect(204);
    const moved = await assign('s2', 'O2', 'C');
    expect(moved.status).toBe(201);
    expect(moved.body).toMatchObject({ studentId: s.s2, offerId: o.O2, supervisorId: h.C, status: 'draft', cost: 2 });
    const full = await assign('s4', 'O2', 'E');
    expect([full.status, full.body.code]).toEqual([409, 'offer_full']);
    const twice = await assign('s2', 'O5', 'G');
    expect([twice.status, twice.body.code]).toEqual([409, 'student_already_placed']);
    const notOnOffer = await assign('s4', 'O5', 'A');
    expect([notOnOffer.status, notOnOffer.body.details]).toEqual([
      400,
      [
        {
          field: 'supervisorId',
          code: 'supervisor_not_on_offer',
          params: { unitName: 'Enhet O5' },
          message: 'is not one of the supervisors named on the offer',
        },
      ],
    ]);
    const excluded = await assign('s3', 'O1', 'A');
    expect([excluded.status, excluded.body.details[0].code]).toEqual([400, 'district_excluded']);

    // G supervises one student: a second on G is refused though the offer has room.
    expect((await assign('s4', 'O5', 'G')).status).toBe(201);
    const busy = await assign('s3', 'O5', 'G');
    expect([busy.status, busy.body.code]).toEqual([409, 'supervisor_full']);
    // SU now has 3 placed, its quota.
    const quota = await assign('s3', 'O5', 'H');
    expect([quota.status, quota.body.code, quota.body.message]).toEqual([
      409,
      'quota_full',
      `The university's quota of 3 place(s) in ${code} is filled`,
    ]);
    expect(quota.body.params).toEqual({ universityName: 'Stockholms universitet', quota: 3, termCode: code });
    const contact = contacts.bromma;
    await t
      .http()
      .post(`/api/terms/${code}/assignments`)
      .set(contact.auth)
      .send({ studentId: s.s3, offerId: o.O5, supervisorId: h.H })
      .expect(403);
  });

  it('never gives the last place twice: 50 simultaneous requests, one 201 and 49 × 409', async () => {
    const term = await createTerm(t, admin, {}, 'allocating');
    const supervisor = await createSupervisor(t, admin, d.farsta);
    const offer = await t
      .http()
      .post(`/api/terms/${term.code}/offers`)
      .set(admin.auth)
      .send({
        districtId: d.farsta,
        unitName: 'Sista platsen',
        field: 'elderly',
        places: 1,
        supervisorIds: [supervisor.id],
      })
      .expect(201);
    await t.http().put(`/api/terms/${term.code}/quotas/${u.SU}`).set(admin.auth).send({ quota: 50 }).expect(200);
    const csv = [
      'name,email,studentRef,field1,field2,field3,district1,district2,district3,needsExtraSupport',
      ...Array.from({ length: 50 }, (_, i) => `Student ${i},s${i}@student.su.se,P-${i},elderly,,,,,,nej`),
    ].join('\n');
    await t
      .http()
      .post(`/api/terms/${term.code}/students/import`)
      .query({ universityId: u.SU })
      .set(admin.auth)
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(201);
    const students = (await t.http().get(`/api/terms/${term.code}/students`).set(admin.auth)).body as { id: string }[];
    expect(students).toHaveLength(50);
    const results = await Promise.all(
      students.map((student) =>
        t
          .http()
          .post(`/api/terms/${term.code}/assignments`)
          .set(admin.auth)
          .send({ studentId: student.id, offerId: offer.body.id, supervisorId: supervisor.id }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((x) => x === 201)).toHaveLength(1);
    expect(statuses.filter((x) => x === 409)).toHaveLength(49);
    expect(
      Number(
        (await t.dataSource.query('SELECT count(*) AS n FROM assignments WHERE offer_id = $1', [offer.body.id]))[0].n,
      ),
    ).toBe(1);
  });

  it('refuses, in the database itself, a row that would overbook an offer or a supervisor', async () => {
    // Straight SQL, past every check of the service: O1 is full, and A supervises one student.
    const copy = (offer: string, supervisor: string) =>
      t.dataSource.query(
        `INSERT INTO assignments (term_id, student_id, university_id, offer_id, supervisor_id)
         SELECT term_id, $1, university_id, $2, $3 FROM assignments LIMIT 1`,
        [s.s3, offer, supervisor],
      );
    await expect(copy(o.O1, h.A)).rejects.toThrow('The offer has no free place');
    // Room for a third student at O1 (B may take two), but A is still full.
    await t.dataSource.query(`UPDATE placement_offers SET places = 3 WHERE id = $1`, [o.O1]);
    await t.dataSource.query(`UPDATE supervisors SET capacity = 2 WHERE id = $1`, [h.B]);
    await expect(copy(o.O1, h.A)).rejects.toThrow('The supervisor has no free capacity');
    await t.dataSource.query(`UPDATE placement_offers SET places = 2 WHERE id = $1`, [o.O1]);
    await t.dataSource.query(`UPDATE supervisors SET capacity = 1 WHERE id = $1`, [h.B]);
  });

  it('shows each role its own placements, as JSON or CSV', async () => {
    const bromma = await t.http().get(`/api/terms/${code}/assignments`).set(contacts.bromma.auth).expect(200);
    expect(bromma.body.length).toBe(2);
    expect(bromma.body.every((a: { districtId: string }) => a.districtId === d.bromma)).toBe(true);
    const names = await t.http().get(`/api/terms/${code}/students`).set(contacts.bromma.auth).expect(200);
    expect(names.body).toHaveLength(2);
    expect(Object.keys(names.body[0]).sort()).toEqual(['id', 'name', 'universityId']);
    const sh = await t.http().get(`/api/terms/${code}/assignments`).set(universityUsers.SH.auth).expect(200);
    expect(sh.body.map((a: { universityId: string }) => a.universityId)).toEqual([u.SH]);
    const csv = await t
      .http()
      .get(`/api/terms/${code}/assignments`)
      .query({ format: 'csv' })
      .set(universityUsers.SU.auth)
      .expect(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = csv.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'id,studentId,studentName,universityId,offerId,districtId,unitName,field,supervisorId,supervisorName,supervisorEmail,status,cost',
    );
    expect(lines).toHaveLength(1 + 3);
    await t
      .http()
      .get('/api/allocation-runs/00000000-0000-4000-8000-000000000000')
      .set(contacts.bromma.auth)
      .expect(403);
  });

  it('publishes: the placements become final, the term published, and districts, universities and supervisors are e-mailed', async () => {
    const published = await t.http().post(`/api/terms/${code}/assignments/publish`).set(admin.auth).expect(200);
    expect(published.body).toMatchObject({ published: 6, termStatus: 'published' });
    expect((await t.http().get(`/api/terms/${code}`).set(admin.auth)).body.status).toBe('published');
    const list = (await t.http().get(`/api/terms/${code}/assignments`).set(admin.auth)).body as { status: string }[];
    expect(list.every((a) => a.status === 'published')).toBe(true);

    const toBromma = await smtp.waitForOne(
      (m) => m.envelopeTo[0] === contacts.bromma.email && /placeras i Bromma/.test(m.parsed.subject ?? ''),
    );
    expect(toBromma.parsed.subject).toBe(`VFU ${code}: 2 studenter placeras i Bromma`);
    expect(toBromma.parsed.text).toContain('Student s1 | SU | Enhet O1 | Barn och unga');
    const toSu = await smtp.waitForOne(
      (m) => m.envelopeTo[0] === universityUsers.SU.email && /placeringar för/.test(m.parsed.subject ?? ''),
    );
    expect(toSu.parsed.text).toContain('Student s2 | Södermalm | Enhet O2 | Äldreomsorg | Handledare C');
    const supervisorC = await t.dataSource.query('SELECT email FROM supervisors WHERE id = $1', [h.C]);
    const toC = await smtp.waitForOne((m) => m.envelopeTo[0] === supervisorC[0].email);
    expect(toC.parsed.subject).toBe(`Du är handledare för VFU-studenter ${code}`);
    expect(toC.parsed.text).toContain('Student e1, Ersta Sköndal Bräcke högskola, på Enhet O2');
    expect(toC.parsed.text).toContain('Student s2, Stockholms universitet, på Enhet O2');

    const nothing = await t.http().post(`/api/terms/${code}/assignments/publish`).set(admin.auth).expect(409);
    expect(nothing.body.message).toBe(`${code} has no draft placements to publish`);
    await t.http().post(`/api/terms/${code}/assignments/publish`).set(contacts.bromma.auth).expect(403);
  });

  it('changes after publication are drafts until published again, which e-mails only those concerned', async () => {
    const before = smtp.received.length;
    const list = (await t.http().get(`/api/terms/${code}/assignments`).set(admin.auth)).body as {
      id: string;
      studentId: string;
    }[];
    await t
      .http()
      .delete(`/api/assignments/${list.find((a) => a.studentId === s.s4)!.id}`)
      .set(admin.auth)
      .expect(204);
    const again = await t
      .http()
      .post(`/api/terms/${code}/assignments`)
      .set(admin.auth)
      .send({ studentId: s.s4, offerId: o.O5, supervisorId: h.H })
      .expect(201);
    expect(again.body.status).toBe('draft');
    const republished = await t.http().post(`/api/terms/${code}/assignments/publish`).set(admin.auth).expect(200);
    expect(republished.body).toMatchObject({ published: 1, termStatus: 'published' });
    const supervisorH = await t.dataSource.query('SELECT email FROM supervisors WHERE id = $1', [h.H]);
    await smtp.waitForOne((m) => m.envelopeTo[0] === supervisorH[0].email);
    const toSu = await smtp.waitForOne(
      (m, i = smtp.received.indexOf(m)) => i >= before && m.envelopeTo[0] === universityUsers.SU.email,
    );
    expect(toSu.parsed.text).toContain('Student s4 | Norrmalm | Enhet O5');
    await waitForIdle(t.app);
    // Bromma's placements did not change: its contact hears nothing new.
    expect(smtp.received.slice(before).map((m) => m.envelopeTo[0])).not.toContain(contacts.bromma.email);
  });

  it('keeps placed students in place: offers and supervisors cannot shrink below them', async () => {
    const shrink = await t.http().patch(`/api/offers/${o.O2}`).set(admin.auth).send({ places: 1 }).expect(409);
    expect(shrink.body).toMatchObject({
      code: 'placements_exceed_capacity',
      message: expect.stringContaining('Enhet O2 has 2 student(s) placed but room for 1'),
    });
    const dropped = await t
      .http()
      .patch(`/api/offers/${o.O2}`)
      .set(admin.auth)
      .send({ supervisorIds: [h.E] })
      .expect(409);
    expect(dropped.body.message).toContain(
      'Handledare C supervises a student at Enhet O2 but is no longer named on it',
    );
    const lower = await t.http().patch(`/api/supervisors/${h.C}`).set(admin.auth).send({ capacity: 1 }).expect(409);
    expect(lower.body.message).toContain('Handledare C supervises 2 student(s) in a term but can take 1');
    await t.http().patch(`/api/supervisors/${h.A}`).set(admin.auth).send({ active: false }).expect(409);
    const removed = await t.http().delete(`/api/offers/${o.O1}`).set(admin.auth).expect(409);
    expect(removed.body.message).toBe('2 student(s) are placed at this offer; remove those placements first');
    await t.http().delete(`/api/students/${s.s1}`).set(admin.auth).expect(409);
    // Offers and supervisors with room to spare still change freely.
    await t.http().patch(`/api/offers/${o.O2}`).set(admin.auth).send({ places: 3 }).expect(200);
    // A closed term takes no more placements.
    await t.http().patch(`/api/terms/${code}`).set(admin.auth).send({ status: 'closed' }).expect(200);
    const closed = await t
      .http()
      .post(`/api/terms/${code}/assignments`)
      .set(admin.auth)
      .send({ studentId: s.s3, offerId: o.O2, supervisorId: h.E })
      .expect(409);
    expect(closed.body.message).toBe(`Placements are made while a term is allocating or published; ${code} is closed`);
    const reopen = await t.http().patch(`/api/terms/${code}`).set(admin.auth).send({ status: 'published' }).expect(409);
    expect(reopen.body.message).toBe('A term cannot go from closed to published; it is closed');
  });
});
