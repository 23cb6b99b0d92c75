import { randomBytes, randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { Role } from '../src/common/auth/role';
import { createOffer, createSupervisor, createTerm } from './factories/terms';
import { districtByCode, signedInUser, SignedInUser, universityByCode } from './factories/users';
import {
  malformedRequests,
  MalformedRequest,
  OpenApiDocument,
  Schema,
  schemasFromDtos,
} from './support/malformed-requests';
import { startTestApp, TestApp } from './support/test-app';
import { waitForIdle } from './support/wait-for-idle';

/**
 * Properties where null is a value, not a mistake: "no contact person", "no description".
 * Null on any other property is refused.
 */
const NULLABLE: Record<string, string[]> = {
  CreateUserDto: ['districtId', 'universityId'],
  UpdateDistrictDto: ['contactUserId'],
  CreateEventDto: ['description'],
  UpdateEventDto: ['description'],
  CreateStudentRequestDto: ['universityId', 'otherUniversity'],
  UpdateStudentRequestDto: ['answer'],
  ProposeRevisionDto: ['summary'],
};

interface Answer {
  status: number;
  body: string;
  ms: number;
}

describe('malformed input', () => {
  let t: TestApp;
  let base: string;
  let admin: SignedInUser;
  let code: string;
  const ids: Record<string, string> = {};

  /** One request exactly as given: no client fills in a content type or re-encodes the path. */
  const send = (request: Pick<MalformedRequest, 'method' | 'path' | 'contentType' | 'body' | 'anonymous'>) =>
    new Promise<Answer>((resolve, reject) => {
      const started = Date.now();
      const headers: Record<string, string> = request.anonymous ? {} : { ...admin.auth };
      if (request.contentType) headers['Content-Type'] = request.contentType;
      const body = request.body === undefined ? undefined : Buffer.from(request.body);
      if (body) headers['Content-Length'] = String(body.length);
      const call = httpRequest(`${base}${request.path}`, { method: request.method.toUpperCase(), headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString(), ms: Date.now() - started }),
        );
      });
      call.on('error', reject);
      call.end(body);
    });
  const json = (answer: Answer) =>
    JSON.parse(answer.body) as { code?: string; details?: { field: string; code: string }[] };

  /**
   * Row count and a checksum of every table, none left out: not even the sign-in attempts, which
   * count every attempt, since no malformed sign-in gets as far as being one.
   */
  const snapshot = async () => {
    const tables: { name: string }[] = await t.dataSource.query(
      `SELECT table_name AS name FROM information_schema.tables
        WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const rows: Record<string, string> = {};
    for (const { name } of tables) {
      const [{ n, sum }] = await t.dataSource.query(
        `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '' ORDER BY t::text), '')) AS sum FROM "${name}" t`,
      );
      rows[name] = `${n} rows, md5 ${sum}`;
    }
    return rows;
  };

  beforeAll(async () => {
    t = await startTestApp();
    base = await t.listen();
    admin = await signedInUser(t, Role.Coordinator);
    // The user the requests would change, if one got through: not the coordinator sending them.
    ids.user = (await signedInUser(t, Role.DistrictContact)).id;
    code = (await createTerm(t, admin, {}, 'reporting')).code;
    ids.district = (await districtByCode(t, 'bromma')).id;
    ids.university = (await universityByCode(t, 'SU')).id;
    ids.supervisor = (await createSupervisor(t, admin, ids.district)).id;
    const offer = await createOffer(t, admin, code, { districtId: ids.district, supervisorIds: [ids.supervisor] });
    ids.offer = offer.body.id;
    const student = await t
      .http()
      .post(`/api/terms/${code}/students`)
      .set(admin.auth)
      .send({
        universityId: ids.university,
        name: 'Ada Svensson',
        email: 'ada@student.su.se',
        studentRef: 'SU-1',
        fieldPreferences: ['children_youth'],
      })
      .expect(201);
    ids.student = student.body.id;
    const event = await t
      .http()
      .post('/api/events')
      .set(admin.auth)
      .send({
        type: 'network_meeting',
        title: 'Nätverksmöte',
        startsAt: '2031-03-04T09:00:00+01:00',
        endsAt: '2031-03-04T11:00:00+01:00',
        location: 'Stadshuset',
      })
      .expect(201);
    ids.event = event.body.id;
    ids.notification = (await t.dataSource.query('SELECT id FROM notifications LIMIT 1'))[0].id;
    // A calendar token of the right form that names no calendar.
    ids.token = randomBytes(32).toString('base64url');
    ids.version = String((await t.http().get('/api/agreement').set(admin.auth).expect(200)).body.current.version);
  });
  afterAll(() => t.close());

  it('answers every malformed request generated from the OpenAPI document with a catalogued 4xx, and changes no table', async () => {
    const document = (await t.http().get('/api/docs-json').expect(200)).body as OpenApiDocument;
    const fromDtos = schemasFromDtos(t.app);
    const schemaOf = (ref: string): Schema => {
      const name = ref.split('/').pop()!;
      const own = document.components?.schemas?.[name];
      return own && Object.keys(own.properties ?? {}).length ? own : (fromDtos.get(name) ?? { type: 'object' });
    };
    const byResource: Record<string, string> = {
      users: ids.user,
      districts: ids.district,
      universities: ids.university,
      supervisors: ids.supervisor,
      offers: ids.offer,
      students: ids.student,
      events: ids.event,
      notifications: ids.notification,
    };
    const requests = malformedRequests(
      document,
      schemaOf,
      {
        pathValue: (path, param) =>
          ({ code, universityId: ids.university, version: ids.version, token: ids.token })[param] ??
          byResource[path.split('/')[2]] ??
          randomUUID(),
        idFor: (property) =>
          ({
            districtId: ids.district,
            universityId: ids.university,
            supervisorIds: ids.supervisor,
            supervisorId: ids.supervisor,
            studentId: ids.student,
            offerId: ids.offer,
          })[property] ?? randomUUID(),
      },
      (schemaName, property) =>
        Boolean(schemaOf(`#/${schemaName}`).properties?.[property]?.nullable) ||
        (NULLABLE[schemaName] ?? []).includes(property),
    );
    // The public operations (the sign-in) go anonymously; a share of the rest anonymously as well.
    const all = [
      ...requests,
      ...requests
        .filter((r, i) => !r.anonymous && i % 10 === 0)
        .map((r) => ({ ...r, label: `${r.label} (anonymous)`, anonymous: true })),
    ];
    const anonymous = all.filter((r) => r.anonymous).length;
    expect(all.length).toBeGreaterThanOrEqual(300);

    await waitForIdle(t.app);
    const before = await snapshot();
    const byStatus = new Map<number, number>();
    const wrong: string[] = [];
    for (const request of all) {
      const answer = await send(request);
      byStatus.set(answer.status, (byStatus.get(answer.status) ?? 0) + 1);
      // A 4xx, and one of the catalogue's: with its code.
      if (answer.status < 400 || answer.status >= 500 || !json(answer).code)
        wrong.push(`${request.label}: ${answer.status} ${answer.body.slice(0, 200)}`);
    }
    await waitForIdle(t.app);
    const after = await snapshot();

    const statuses = [...byStatus].sort(([a], [b]) => a - b).map(([status, n]) => `${status} × ${n}`);
    const fiveHundreds = [...byStatus].filter(([status]) => status >= 500).reduce((sum, [, n]) => sum + n, 0);
    console.log(
      `malformed requests: ${all.length} tried (${all.length - anonymous} as the coordinator, ${anonymous} anonymously); ` +
        `${statuses.join(', ')}; 5xx: ${fiveHundreds}; ${Object.keys(before).length} tables compared, none excluded`,
    );
    expect(wrong).toEqual([]);
    expect(after).toEqual(before);
  }, 180_000);

  it('names the field, the parameter or the cell, and says why, in the catalogue’s words', async () => {
    const login = await send({
      method: 'post',
      path: '/api/auth/login',
      contentType: 'application/json',
      body: JSON.stringify({ email: 'c\ud800@x.test', password: 'secret-password' }),
      anonymous: true,
    });
    expect([login.status, json(login).code, json(login).details]).toEqual([
      400,
      'validation_failed',
      [expect.objectContaining({ field: 'email', code: 'ill_formed_text' })],
    ]);

    const title = await t
      .http()
      .patch(`/api/events/${ids.event}`)
      .set(admin.auth)
      .send({ title: 'x\u0000y', periods: [{ startsOn: 'a\ud800' }] });
    expect(title.status).toBe(400);
    expect(title.body.details.map((d: { field: string; code: string }) => [d.field, d.code])).toEqual([
      ['title', 'ill_formed_text'],
      ['periods.0.startsOn', 'ill_formed_text'],
    ]);
    expect(title.body.details[0].message).toBe('title must be well-formed Unicode text without NUL characters');

    const param = await t.http().get(`/api/terms/HT%002031`).set(admin.auth).expect(400);
    expect(param.body.details).toEqual([expect.objectContaining({ field: 'code', code: 'ill_formed_text' })]);
    const query = await t.http().get(`/api/terms/${code}/offers?districtId=%00`).set(admin.auth).expect(400);
    expect(query.body.details).toEqual([expect.objectContaining({ field: 'districtId', code: 'ill_formed_text' })]);

    for (const field of ['capacity', 'name', 'email', 'active'] as const) {
      const refused = await t
        .http()
        .patch(`/api/supervisors/${ids.supervisor}`)
        .set(admin.auth)
        .send({ [field]: null })
        .expect(400);
      expect(refused.body.details.map((d: { field: string }) => d.field)).toEqual([field]);
    }
    for (const [path, field] of [
      [`/api/students/${ids.student}`, 'studentRef'],
      [`/api/events/${ids.event}`, 'title'],
      [`/api/events/${ids.event}`, 'location'],
      [`/api/terms/${code}`, 'targetPlaces'],
    ]) {
      const refused = await t
        .http()
        .patch(path)
        .set(admin.auth)
        .send({ [field]: null })
        .expect(400);
      expect(refused.body.details.map((d: { field: string }) => d.field)).toEqual([field]);
    }

    const proto = await send({
      method: 'patch',
      path: `/api/supervisors/${ids.supervisor}`,
      contentType: 'application/json',
      body: '{"name":"Ny","__proto__":{"active":false},"x":{"constructor":{"prototype":{}}}}',
    });
    expect(json(proto).details).toEqual([
      expect.objectContaining({ field: '__proto__', code: 'whitelistValidation' }),
      expect.objectContaining({ field: 'x.constructor', code: 'whitelistValidation' }),
    ]);

    const deep = await send({
      method: 'post',
      path: '/api/auth/login',
      contentType: 'application/json',
      body: `{"email":${'['.repeat(33)}${']'.repeat(33)}}`,
      anonymous: true,
    });
    expect([deep.status, json(deep).code]).toEqual([400, 'too_deeply_nested']);
    const deepEnough = await send({
      method: 'post',
      path: '/api/auth/login',
      contentType: 'application/json',
      body: `{"email":${'['.repeat(31)}${']'.repeat(31)}, "s": "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["}`,
      anonymous: true,
    });
    expect([deepEnough.status, json(deepEnough).code]).toEqual([400, 'validation_failed']);

    const form = await send({
      method: 'post',
      path: '/api/auth/login',
      contentType: 'application/x-www-form-urlencoded',
      body: `email=${encodeURIComponent(admin.email)}&password=${encodeURIComponent(admin.password)}`,
      anonymous: true,
    });
    expect([form.status, json(form).code]).toEqual([415, 'unsupported_media_type']);
    expect(JSON.parse(form.body).message).toBe('Send the body as Content-Type: application/json');

    const csv = await t
      .http()
      .post(`/api/terms/${code}/students/import`)
      .query({ universityId: ids.university })
      .set(admin.auth)
      .set('Content-Type', 'text/csv')
      .send(
        'name,email,studentRef,field1,field2,field3,district1,district2,district3,needsExtraSupport\n' +
          'Ada\u0000 Svensson,ada2@student.su.se,SU-2,elderly,,,,,,nej\n',
      )
      .expect(400);
    expect(csv.body.details).toEqual([expect.objectContaining({ field: 'name', row: 2, code: 'ill_formed_text' })]);
  });

  it('keeps answering other requests while deeply nested bodies arrive', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const started = Date.now();
    const [fields, ...refused] = await Promise.all([
      send({ method: 'get', path: '/api/fields' }),
      ...Array.from({ length: 10 }, () =>
        send({ method: 'post', path: '/api/auth/login', contentType: 'application/json', body: deep, anonymous: true }),
      ),
    ]);
    console.log(
      `GET /api/fields beside ten 200 KB bodies nested 100,000 deep: ${fields.ms} ms; all done in ${Date.now() - started} ms`,
    );
    expect(fields.status).toBe(200);
    expect(refused.map((answer) => [answer.status, json(answer).code])).toEqual(
      Array(10).fill([400, 'too_deeply_nested']),
    );
  });

  describe('the pages', () => {
    /** A signed-out visitor's sign-in form: its CSRF cookie and token. */
    const signInForm = async () => {
      const page = await t.http().get('/logga-in').expect(200);
      const cookie = (page.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
      const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
      return { cookie, token };
    };

    it('refuses a CSRF token of the right length in characters but not in bytes as an expired form', async () => {
      const { cookie, token } = await signInForm();
      const posted = await t
        .http()
        .post('/logga-in')
        .set('Cookie', cookie)
        .type('form')
        .send({ _csrf: 'é'.repeat(token.length), email: admin.email, password: admin.password });
      expect(posted.status).toBe(403);
      expect(posted.text).toContain('Formuläret har gått ut. Ladda om sidan och försök igen.');
    });

    it('refuses a NUL in a form field before the sign-in reads it', async () => {
      const { cookie, token } = await signInForm();
      const posted = await t
        .http()
        .post('/logga-in')
        .set('Cookie', cookie)
        .type('form')
        .send({ _csrf: token, email: `a\u0000${admin.email}`, password: admin.password });
      expect(posted.status).toBe(400);
      expect(posted.headers['set-cookie'] ?? []).not.toContainEqual(expect.stringMatching(/^vfu_session=/));
    });

    it('answers two simultaneous identical posts of a new student with one student and a 409, never a 500', async () => {
      const coordinator = await signedInUser(t, Role.UniversityCoordinator, { university: 'SU' });
      const { cookie: preCookie, token: preToken } = await signInForm();
      const signedIn = await t
        .http()
        .post('/logga-in')
        .set('Cookie', preCookie)
        .type('form')
        .send({ _csrf: preToken, email: coordinator.email, password: coordinator.password })
        .expect(303);
      const cookie = (signedIn.headers['set-cookie'] as unknown as string[]).map((c) => c.split(';')[0]).join('; ');
      const page = await t.http().get(`/studenter?termin=${code}`).set('Cookie', cookie).expect(200);
      const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
      const statuses: number[][] = [];
      for (let round = 0; round < 5; round++) {
        const form = {
          _csrf: token,
          name: 'Bo Samtidig',
          email: `bo${round}@student.su.se`,
          studentRef: `SU-RACE-${randomBytes(3).toString('hex')}`,
          field1: 'elderly',
        };
        const post = () => t.http().post(`/studenter?termin=${code}`).set('Cookie', cookie).type('form').send(form);
        const answers = await Promise.all([post(), post()]);
        statuses.push(answers.map((answer) => answer.status).sort());
        const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM students WHERE student_ref = $1', [
          form.studentRef,
        ]);
        expect(n).toBe(1);
      }
      expect(statuses).toEqual(Array(5).fill([303, 409]));
    });
  });
});
