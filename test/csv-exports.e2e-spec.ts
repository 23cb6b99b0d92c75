import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { Role } from '../src/common/auth/role';
import { createTerm } from './factories/terms';
import { districtByCode, signedInUser, SignedInUser, universityByCode } from './factories/users';
import { startTestApp, TestApp } from './support/test-app';

/** What a spreadsheet reads as the start of a formula (OWASP CSV injection), unless the cell starts with `'`. */
const FORMULA_START = /^(?:[\t\r]|[\s"]*[=+\-@])/;

/** Student names beginning with each dangerous character; the API trims, so tab, CR and a space first are written to the table. */
const STUDENT_NAMES = ['=Anna Andersson', '+Bo Ek', '-Cia Lind', '@Dan Berg', '\tEva Holm', '\rFia Ström', ' =Gun Ås'];
const UNIT_NAME = '=HYPERLINK("http://evil.test","Bromma barn")';
const SUPERVISOR_NAME = '@Hanna Handledare';
const DISTRICT_NAME = '-Bromma';
const INTRODUCTION_TITLE = '+Introduktion';

/** Signs in through the sign-in form, as a browser would, and keeps the session cookie. */
async function webSession(t: TestApp, user: SignedInUser) {
  const agent = request.agent(t.app.getHttpServer());
  const form = await agent.get('/logga-in').expect(200);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
  await agent
    .post('/logga-in')
    .type('form')
    .send({ email: user.email, password: user.password, _csrf: csrf })
    .expect(303);
  return agent;
}

/**
 * Every cell of a CSV download as a spreadsheet would read it: text that could start a formula
 * is prefixed with `'` (and quoted in the file); numbers are bare.
 */
function readCsv(response: request.Response): string[][] {
  expect(response.headers['content-type']).toMatch(/^text\/csv/);
  const cells: string[][] = parse(response.text, { bom: true });
  return cells;
}

function expectNoFormula(raw: string, cells: string[][]) {
  for (const cell of cells.flat()) {
    if (/^-?\d+(\.\d+)?$/.test(cell)) continue;
    expect(FORMULA_START.test(cell) && !cell.startsWith("'") ? cell : 'text').toBe('text');
  }
  // Each neutralised cell is quoted in the file, as OWASP advises.
  for (const cell of cells.flat().filter((c) => c.startsWith("'")))
    expect(raw).toContain(`"${cell.replace(/"/g, '""')}"`);
}

describe('CSV exports: names that begin a formula come out as text', () => {
  let t: TestApp;
  let admin: SignedInUser;
  let contact: SignedInUser;
  let university: SignedInUser;
  let code: string;
  let bromma: string;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await signedInUser(t, Role.Coordinator);
    contact = await signedInUser(t, Role.DistrictContact, { district: 'bromma' });
    university = await signedInUser(t, Role.UniversityCoordinator, { university: 'SU' });
    bromma = (await districtByCode(t, 'bromma')).id;
    const su = (await universityByCode(t, 'SU')).id;
    await t.http().patch(`/api/districts/${bromma}`).set(admin.auth).send({ name: DISTRICT_NAME }).expect(200);

    code = (
      await createTerm(
        t,
        admin,
        { periods: [{ universityId: su, startsOn: '3000-08-31', endsOn: '3001-01-17' }] },
        'reporting',
      )
    ).code;
    const supervisors: string[] = [];
    for (const [i, name] of [SUPERVISOR_NAME, 'Ivar Ek', 'Jon Berg', 'Kim Lund'].entries()) {
      const response = await t
        .http()
        .post('/api/supervisors')
        .set(contact.auth)
        .send({
          districtId: bromma,
          name,
          email: `handledare${i}@stad.example.se`,
          trainingStatus: 'completed',
          capacity: 2,
        })
        .expect(201);
      supervisors.push(response.body.id);
    }
    const offer = await t
      .http()
      .post(`/api/terms/${code}/offers`)
      .set(contact.auth)
      .send({
        districtId: bromma,
        unitName: UNIT_NAME,
        field: 'children_youth',
        places: STUDENT_NAMES.length,
        supervisorIds: supervisors,
      })
      .expect(201);
    // Reported after the deadline: the report's daysBeforeDeadline is negative, and stays a number.
    await t.http().patch(`/api/terms/${code}`).set(admin.auth).send({ reportingDeadline: '2020-01-01' }).expect(200);
    await t
      .http()
      .put(`/api/terms/${code}/demand/${su}`)
      .set(admin.auth)
      .send({ requestedPlaces: STUDENT_NAMES.length })
      .expect(200);
    await t.http().patch(`/api/terms/${code}`).set(admin.auth).send({ status: 'allocating' }).expect(200);

    for (const [i, name] of STUDENT_NAMES.entries()) {
      const student = await t
        .http()
        .post(`/api/terms/${code}/students`)
        .set(university.auth)
        .send({
          universityId: su,
          name: `Student ${i}`,
          email: `student${i}@student.su.se`,
          studentRef: `CSV-${i}`,
          fieldPreferences: ['children_youth'],
        })
        .expect(201);
      // Written to the table as it stands: the API trims leading whitespace, older rows may not be.
      await t.dataSource.query('UPDATE students SET name = $1 WHERE id = $2', [name, student.body.id]);
      await t
        .http()
        .post(`/api/terms/${code}/assignments`)
        .set(admin.auth)
        .send({ studentId: student.body.id, offerId: offer.body.id, supervisorId: supervisors[Math.floor(i / 2)] })
        .expect(201);
    }
    await t.http().post(`/api/terms/${code}/assignments/publish`).set(admin.auth).expect(200);
    await t
      .http()
      .post('/api/events')
      .set(admin.auth)
      .send({
        type: 'introduction',
        title: INTRODUCTION_TITLE,
        location: 'Stadshuset',
        termCode: code,
        startsAt: '3000-09-01T09:00:00+02:00',
        endsAt: '3000-09-01T12:00:00+02:00',
      })
      .expect(201);
  });
  afterAll(() => t.close());

  const placementNames = [...STUDENT_NAMES, UNIT_NAME, SUPERVISOR_NAME];

  function expectPlacements(response: request.Response) {
    const cells = readCsv(response);
    expect(cells[0]).toContain('studentName');
    expect(cells).toHaveLength(1 + STUDENT_NAMES.length);
    for (const name of placementNames) expect(cells.flat()).toContain(`'${name}`);
    expectNoFormula(response.text, cells);
    // Numbers stay numbers: the cost column is written bare.
    const cost = cells[0].indexOf('cost');
    for (const row of cells.slice(1)) expect(row[cost]).toMatch(/^\d*$/);
  }

  it('API: the placements (?format=csv) for the coordinator, the district contact and the university', async () => {
    for (const user of [admin, contact, university]) {
      const response = await t
        .http()
        .get(`/api/terms/${code}/assignments`)
        .query({ format: 'csv' })
        .set(user.auth)
        .expect(200);
      expectPlacements(response);
    }
  });

  it('API: the term report keeps negative numbers as numbers and names as text', async () => {
    const response = await t
      .http()
      .get(`/api/terms/${code}/report`)
      .query({ format: 'csv' })
      .set(admin.auth)
      .expect(200);
    const cells = readCsv(response);
    expectNoFormula(response.text, cells);
    expect(cells).toContainEqual(['introduction', `'${INTRODUCTION_TITLE}`, 'invited', expect.stringMatching(/^\d+$/)]);
    const late = cells.find((row) => row[0] === 'district' && row[2] === 'daysBeforeDeadline' && row[1] !== '')!;
    expect(late[1]).toBe(`'${DISTRICT_NAME}`);
    expect(Number(late[3])).toBeLessThan(0);
    expect(response.text).toMatch(new RegExp(`^district,"'${DISTRICT_NAME}",daysBeforeDeadline,-\\d+\\r?$`, 'm'));
  });

  it('API: the trend across terms', async () => {
    const response = await t.http().get('/api/reports/trend').query({ format: 'csv' }).set(admin.auth).expect(200);
    const cells = readCsv(response);
    expect(cells[0]).toEqual([
      'termCode',
      'status',
      'targetPlaces',
      'offeredPlaces',
      'usablePlaces',
      'filled',
      'shortfall',
      'districtsReported',
      'districtsOnTime',
      'trainedShare',
      'introductionAttendance',
    ]);
    expect(cells.find((row) => row[0] === code)).toEqual([
      code,
      'published',
      '100',
      '7',
      '7',
      '7',
      '93',
      '1',
      '0',
      '1',
      '',
    ]);
    expectNoFormula(response.text, cells);
  });

  it("pages: the coordinator's and the university's placement downloads", async () => {
    expectPlacements(await (await webSession(t, admin)).get(`/terminer/${code}/placeringar.csv`).expect(200));
    expectPlacements(await (await webSession(t, university)).get(`/placeringar.csv?termin=${code}`).expect(200));
  });

  it("pages: the coordinator's follow-up and trend downloads", async () => {
    const session = await webSession(t, admin);
    const report = await session.get(`/uppfoljning.csv?termin=${code}`).expect(200);
    const cells = readCsv(report);
    expectNoFormula(report.text, cells);
    expect(cells.flat()).toEqual(expect.arrayContaining([`'${DISTRICT_NAME}`, `'${INTRODUCTION_TITLE}`]));
    const trend = await session.get('/uppfoljning/trend.csv').expect(200);
    expectNoFormula(trend.text, readCsv(trend));
  });
});
