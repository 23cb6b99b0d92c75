import { JwtService } from '@nestjs/jwt';
import { Role } from '../src/common/auth/role';
import { createSupervisor, createTerm } from './factories/terms';
import { districtByCode, signedInUser, SignedInUser, universityByCode } from './factories/users';
import { startTestApp, TestApp } from './support/test-app';

type Caller = 'none' | 'expired' | 'forged' | Role;
type Method = 'get' | 'post' | 'patch' | 'put';

interface Cell {
  method: Method;
  path: string;
  /** A fresh body for each call where a repeated one would conflict. */
  body?: object | (() => object);
  /** Expected status for coordinator, district_contact, university_coordinator. */
  expect: [number, number, number];
}

/**
 * Every endpoint of the foundation, tried by every kind of caller. Bodies are valid, so the
 * statuses show access alone; no token, an expired or a forged one is always 401.
 */
describe('authorization matrix', () => {
  let t: TestApp;
  const users = {} as Record<Role, SignedInUser>;
  const tokens = {} as Record<'expired' | 'forged', string>;
  let cells: Cell[];

  beforeAll(async () => {
    t = await startTestApp();
    for (const role of Object.values(Role)) users[role] = await signedInUser(t, role);
    const coordinator = users[Role.Coordinator];
    tokens.expired = await t.app
      .get(JwtService)
      .signAsync({ sub: coordinator.id, role: coordinator.role, ver: 0 }, { expiresIn: -60 });
    tokens.forged = await new JwtService({ secret: 'x'.repeat(40) }).signAsync({
      sub: coordinator.id,
      role: 'coordinator',
      ver: 0,
    });
    const bromma = await districtByCode(t, 'bromma');
    const su = await universityByCode(t, 'SU');
    const other = users[Role.UniversityCoordinator];
    let n = 0;
    const newUser = () => ({
      email: `matrix${n++}-${Date.now()}@example.se`,
      name: 'Matris',
      role: 'coordinator',
      password: 'long-enough-pw',
    });
    const term = await createTerm(t, coordinator, {}, 'reporting');
    const supervisor = await createSupervisor(t, coordinator, bromma.id, { capacity: 2 });
    let code = 3500;
    cells = [
      { method: 'get', path: '/api/me', expect: [200, 200, 200] },
      { method: 'get', path: '/api/users', expect: [200, 403, 403] },
      { method: 'post', path: '/api/users', body: newUser(), expect: [201, 403, 403] },
      { method: 'get', path: `/api/users/${other.id}`, expect: [200, 403, 403] },
      { method: 'patch', path: `/api/users/${other.id}`, body: { name: 'Nytt namn' }, expect: [200, 403, 403] },
      { method: 'get', path: '/api/districts', expect: [200, 200, 200] },
      { method: 'get', path: `/api/districts/${bromma.id}`, expect: [200, 200, 200] },
      { method: 'patch', path: `/api/districts/${bromma.id}`, body: { name: 'Bromma' }, expect: [200, 403, 403] },
      { method: 'get', path: '/api/universities', expect: [200, 200, 200] },
      { method: 'get', path: `/api/universities/${su.id}`, expect: [200, 200, 200] },
      {
        method: 'patch',
        path: `/api/universities/${su.id}`,
        body: { name: 'Stockholms universitet' },
        expect: [200, 403, 403],
      },
      { method: 'get', path: '/api/fields', expect: [200, 200, 200] },
      { method: 'get', path: '/api/audit-log', expect: [200, 403, 403] },
      { method: 'post', path: '/api/system/heartbeats', expect: [202, 403, 403] },
      { method: 'get', path: '/api/notifications', expect: [200, 403, 403] },
      { method: 'get', path: '/api/admin/queues', expect: [200, 403, 403] },
      { method: 'get', path: '/api/terms', expect: [200, 200, 200] },
      {
        method: 'post',
        path: '/api/terms',
        body: () => ({
          code: `VT${code++}`,
          reportingDeadline: '3500-01-01',
          periods: [{ universityId: su.id, startsOn: '3500-01-10', endsOn: '3500-06-01' }],
        }),
        expect: [201, 403, 403],
      },
      { method: 'get', path: `/api/terms/${term.code}`, expect: [200, 200, 200] },
      { method: 'patch', path: `/api/terms/${term.code}`, body: { targetPlaces: 100 }, expect: [200, 403, 403] },
      { method: 'get', path: `/api/terms/${term.code}/balance`, expect: [200, 200, 200] },
      { method: 'put', path: `/api/terms/${term.code}/quotas/${su.id}`, body: { quota: 5 }, expect: [200, 403, 403] },
      { method: 'get', path: `/api/terms/${term.code}/demand`, expect: [200, 403, 200] },
      {
        method: 'put',
        path: `/api/terms/${term.code}/demand/${su.id}`,
        body: { requestedPlaces: 30 },
        expect: [200, 403, 200],
      },
      { method: 'get', path: '/api/supervisors', expect: [200, 200, 403] },
      {
        method: 'post',
        path: '/api/supervisors',
        body: () => ({ districtId: bromma.id, name: 'Matris', email: `m${n++}@bromma.se`, trainingStatus: 'none' }),
        expect: [201, 201, 403],
      },
      { method: 'get', path: `/api/terms/${term.code}/offers`, expect: [200, 200, 403] },
      {
        method: 'post',
        path: `/api/terms/${term.code}/offers`,
        body: () => ({
          districtId: bromma.id,
          unitName: `Matris ${n++}`,
          field: 'elderly',
          places: 1,
          supervisorIds: [supervisor.id],
        }),
        expect: [201, 201, 403],
      },
      { method: 'post', path: `/api/terms/${term.code}/reminders`, expect: [200, 403, 403] },
      { method: 'get', path: `/api/terms/${term.code}/students`, expect: [200, 200, 200] },
      {
        method: 'post',
        path: `/api/terms/${term.code}/students`,
        body: () => ({
          universityId: su.id,
          name: 'Matris',
          email: `s${n++}@su.se`,
          studentRef: `M-${n++}`,
          fieldPreferences: ['elderly'],
        }),
        expect: [201, 403, 201],
      },
      { method: 'get', path: `/api/terms/${term.code}/assignments`, expect: [200, 200, 200] },
      { method: 'post', path: `/api/terms/${term.code}/allocation-runs`, expect: [202, 403, 403] },
      { method: 'get', path: `/api/terms/${term.code}/allocation-runs`, expect: [200, 403, 403] },
      { method: 'post', path: `/api/terms/${term.code}/assignments/publish`, expect: [409, 403, 403] },
      { method: 'get', path: '/api/events', expect: [200, 200, 200] },
      {
        method: 'post',
        path: '/api/events',
        body: {
          type: 'lecture',
          title: 'Matris',
          location: 'Här',
          startsAt: '2031-10-07T15:00:00+02:00',
          endsAt: '2031-10-07T16:00:00+02:00',
        },
        expect: [201, 403, 403],
      },
      { method: 'get', path: '/api/me/calendar-token', expect: [200, 200, 200] },
      { method: 'post', path: '/api/me/calendar-token/rotate', expect: [200, 200, 200] },
      { method: 'get', path: `/api/terms/${term.code}/report`, expect: [200, 403, 403] },
      { method: 'get', path: '/api/reports/trend', expect: [200, 403, 403] },
      { method: 'get', path: '/api/training-reports', expect: [200, 403, 200] },
      {
        method: 'put',
        path: '/api/training-reports',
        body: { universityId: su.id, year: 2030, offeredTraining: 1, notAdmitted: 0, evaluationSummary: 'Bra' },
        expect: [200, 403, 200],
      },
      { method: 'get', path: '/api/student-requests', expect: [200, 200, 200] },
      {
        method: 'post',
        path: '/api/student-requests',
        body: { districtId: bromma.id, studentName: 'Matris', studentEmail: 'm@x.se', message: 'Plats?' },
        expect: [201, 201, 403],
      },
      { method: 'get', path: '/api/agreement', expect: [200, 200, 200] },
      { method: 'get', path: '/api/people/export?email=m@x.se', expect: [200, 403, 403] },
    ];
  });
  afterAll(() => t.close());

  const callers: Caller[] = [
    'none',
    'expired',
    'forged',
    Role.Coordinator,
    Role.DistrictContact,
    Role.UniversityCoordinator,
  ];

  it('answers each endpoint with the expected status for each caller', async () => {
    const seen: string[] = [];
    const wanted: string[] = [];
    for (const cell of cells) {
      for (const caller of callers) {
        const body =
          typeof cell.body === 'function'
            ? cell.body()
            : cell.method === 'post' && cell.path === '/api/users'
              ? { ...cell.body, email: `m${seen.length}-${Date.now()}@example.se` }
              : cell.body;
        let call = t.http()[cell.method](cell.path);
        if (caller === 'expired' || caller === 'forged') call = call.set('Authorization', `Bearer ${tokens[caller]}`);
        else if (caller !== 'none') call = call.set(users[caller].auth);
        const response = body ? await call.send(body) : await call;
        const expected =
          caller === 'none' || caller === 'expired' || caller === 'forged'
            ? 401
            : cell.expect[[Role.Coordinator, Role.DistrictContact, Role.UniversityCoordinator].indexOf(caller)];
        seen.push(`${cell.method.toUpperCase()} ${cell.path} as ${caller}: ${response.status}`);
        wanted.push(`${cell.method.toUpperCase()} ${cell.path} as ${caller}: ${expected}`);
      }
    }
    expect(seen).toEqual(wanted);
  });

  it('leaves public only what must be: login, health and the API documentation', async () => {
    await t.http().get('/api/health').expect(200);
    await t.http().get('/api/docs-json').expect(200);
    await t.http().post('/api/auth/login').send({ email: 'a@b.se', password: 'x' }).expect(401);
  });
});
