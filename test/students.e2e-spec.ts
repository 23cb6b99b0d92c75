import { Role } from '../src/common/auth/role';
import { createTerm } from './factories/terms';
import { districtByCode, signedInUser, SignedInUser, universityByCode } from './factories/users';
import { startTestApp, TestApp } from './support/test-app';

const HEADER = 'name,email,studentRef,field1,field2,field3,district1,district2,district3,needsExtraSupport';
const fields = (body: { details?: { field: string }[] }) => (body.details ?? []).map((d) => d.field).sort();

describe('students', () => {
  let t: TestApp;
  let admin: SignedInUser;
  let su: SignedInUser;
  let suId: string;
  let shId: string;
  let code: string;
  const count = async () => Number((await t.dataSource.query('SELECT count(*) AS n FROM students'))[0].n);
  const student = (overrides: object = {}) => ({
    universityId: suId,
    name: 'Ada Svensson',
    email: 'ada@student.su.se',
    studentRef: 'SU-1',
    fieldPreferences: ['children_youth', 'elderly'],
    ...overrides,
  });

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signedInUser(t, Role.Coordinator);
    su = await signedInUser(t, Role.UniversityCoordinator, { university: 'SU' });
    suId = (await universityByCode(t, 'SU')).id;
    shId = (await universityByCode(t, 'SH')).id;
    code = (await createTerm(t, admin, {}, 'reporting')).code;
  });
  afterAll(() => t.close());

  it('registers a student of one’s own university, with ranked preferences', async () => {
    const bromma = (await districtByCode(t, 'bromma')).id;
    const farsta = (await districtByCode(t, 'farsta')).id;
    const created = await t
      .http()
      .post(`/api/terms/${code}/students`)
      .set(su.auth)
      .send(
        student({
          districtPreferences: [bromma],
          excludedDistrictIds: [farsta],
          languages: ['sv', 'ar'],
          needsExtraSupport: true,
        }),
      )
      .expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      termId: expect.any(String),
      universityId: suId,
      name: 'Ada Svensson',
      email: 'ada@student.su.se',
      studentRef: 'SU-1',
      fieldPreferences: ['children_youth', 'elderly'],
      districtPreferences: [bromma],
      excludedDistrictIds: [farsta],
      languages: ['sv', 'ar'],
      needsExtraSupport: true,
    });
    const again = await t
      .http()
      .post(`/api/terms/${code}/students`)
      .set(su.auth)
      .send(student({ name: 'Ada S' }))
      .expect(409);
    expect(again.body.message).toBe(`A student with studentRef SU-1 is already registered for ${code}`);
    expect([again.body.code, again.body.params]).toEqual([
      'duplicate_student_ref',
      { termCode: code, studentRef: 'SU-1' },
    ]);
  });

  it('refuses another university (403), district contacts (403), and names every bad field (400) without writing', async () => {
    const before = await count();
    await t
      .http()
      .post(`/api/terms/${code}/students`)
      .set(su.auth)
      .send(student({ universityId: shId, studentRef: 'X-1' }))
      .expect(403);
    const contact = await signedInUser(t, Role.DistrictContact);
    await t
      .http()
      .post(`/api/terms/${code}/students`)
      .set(contact.auth)
      .send(student({ studentRef: 'X-2' }))
      .expect(403);
    const bad = await t
      .http()
      .post(`/api/terms/${code}/students`)
      .set(su.auth)
      .send({
        universityId: suId,
        name: '',
        email: 'nope',
        studentRef: '850101-1234',
        fieldPreferences: ['elderly', 'elderly', 'x', 'y'],
        districtPreferences: ['a'],
        needsExtraSupport: 'ja',
      })
      .expect(400);
    expect(fields(bad.body)).toEqual([
      'districtPreferences',
      'email',
      'fieldPreferences',
      'name',
      'needsExtraSupport',
      'studentRef',
    ]);
    expect(bad.body.details.find((d: { field: string }) => d.field === 'studentRef')).toMatchObject({
      code: 'student_ref_personal_number',
      message: 'studentRef must not be a personal identity number',
    });
    const unknown = await t
      .http()
      .post(`/api/terms/${code}/students`)
      .set(su.auth)
      .send(student({ studentRef: 'X-3', districtPreferences: ['00000000-0000-4000-8000-000000000000'] }))
      .expect(400);
    expect(unknown.body.details).toEqual([
      { field: 'districtPreferences.0', code: 'no_such_district', params: {}, message: 'no such district' },
    ]);
    expect(await count()).toBe(before);
  });

  it('imports a CSV file, all or nothing', async () => {
    const csv = `${HEADER}\nBo Ek,bo@student.su.se,SU-10,missbruk,,,Södermalm,,,nej\nCia Lind,cia@student.su.se,SU-11,elderly,disability,,bromma,farsta,,ja\n`;
    const ok = await t
      .http()
      .post(`/api/terms/${code}/students/import`)
      .query({ universityId: suId })
      .set(su.auth)
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(201);
    expect(ok.body).toEqual({ imported: 2 });
    const before = await count();
    const bad = `${HEADER}\nDan,dan@student.su.se,SU-20,elderly,,,,,,nej\nEva,eva-at-su,SU-21,gardening,,,,,,nej\nFia,fia@su.se,SU-20,elderly,,,,,,nej\n`;
    const refused = await t
      .http()
      .post(`/api/terms/${code}/students/import`)
      .query({ universityId: suId })
      .set(su.auth)
      .set('Content-Type', 'text/csv')
      .send(bad)
      .expect(400);
    expect(refused.body.message).toBe('The file has 3 problem(s); nothing was imported');
    expect([refused.body.code, refused.body.params]).toEqual(['validation_failed', { count: 3, file: true }]);
    expect(refused.body.details).toEqual([
      {
        row: 3,
        field: 'field1',
        code: 'csv_unknown_field',
        params: { value: 'gardening' },
        message: '"gardening" is not a known field',
      },
      { row: 3, field: 'email', code: 'isEmail', params: { property: 'email' }, message: 'email must be an email' },
      {
        row: 4,
        field: 'studentRef',
        code: 'student_ref_repeated',
        params: { studentRef: 'SU-20', firstRow: 2 },
        message: 'SU-20 is also on row 2',
      },
    ]);
    expect(await count()).toBe(before);
  });

  it('answers 409 per row for studentRefs already registered, importing nothing', async () => {
    const before = await count();
    const csv = `${HEADER}\nNy Student,ny@student.su.se,SU-30,elderly,,,,,,nej\nBo Ek,bo@student.su.se,SU-10,missbruk,,,,,,nej\n`;
    const conflict = await t
      .http()
      .post(`/api/terms/${code}/students/import`)
      .query({ universityId: suId })
      .set(su.auth)
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(409);
    expect([conflict.body.code, conflict.body.message, conflict.body.params]).toEqual([
      'duplicate_student_ref',
      '1 student(s) are already registered; nothing was imported',
      { termCode: code, rows: 1 },
    ]);
    expect(conflict.body.details).toEqual([
      {
        row: 3,
        field: 'studentRef',
        code: 'student_ref_registered',
        params: { studentRef: 'SU-10', termCode: code },
        message: `SU-10 is already registered for ${code}`,
      },
    ]);
    expect(await count()).toBe(before);
    await t
      .http()
      .post(`/api/terms/${code}/students/import`)
      .query({ universityId: shId })
      .set(su.auth)
      .set('Content-Type', 'text/csv')
      .send(csv)
      .expect(403);
    await t
      .http()
      .post(`/api/terms/${code}/students/import`)
      .query({ universityId: suId })
      .set(su.auth)
      .send({ csv })
      .expect(415);
  });

  it('shows a university coordinator their own students only, and lets them change and remove them', async () => {
    const sh = await signedInUser(t, Role.UniversityCoordinator, { university: 'SH' });
    await t
      .http()
      .post(`/api/terms/${code}/students`)
      .set(sh.auth)
      .send(student({ universityId: shId, studentRef: 'SH-1', email: 'a@sh.se' }))
      .expect(201);
    const own = await t.http().get(`/api/terms/${code}/students`).set(sh.auth).expect(200);
    expect(own.body.map((s: { studentRef: string }) => s.studentRef)).toEqual(['SH-1']);
    const all = await t.http().get(`/api/terms/${code}/students`).set(admin.auth).expect(200);
    expect(all.body.length).toBeGreaterThanOrEqual(4);
    const id = own.body[0].id;
    await t.http().patch(`/api/students/${id}`).set(su.auth).send({ name: 'X' }).expect(403);
    const patched = await t
      .http()
      .patch(`/api/students/${id}`)
      .set(sh.auth)
      .send({ fieldPreferences: ['disability'] })
      .expect(200);
    expect(patched.body.fieldPreferences).toEqual(['disability']);
    await t.http().delete(`/api/students/${id}`).set(sh.auth).expect(204);
  });
});
