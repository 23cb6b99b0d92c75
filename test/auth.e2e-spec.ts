import { JwtService } from '@nestjs/jwt';
import { createHmac } from 'node:crypto';
import { Role } from '../src/common/auth/role';
import { signedInUser } from './factories/users';
import { startTestApp, TestApp } from './support/test-app';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ env: { LOGIN_MAX_FAILURES: '3' } });
  });
  afterAll(() => t.close());

  it('signs in with e-mail (any case) and password, and /me returns the user', async () => {
    const user = await signedInUser(t, Role.UniversityCoordinator, { university: 'SH' });
    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ email: user.email.toUpperCase(), password: user.password })
      .expect(200);
    expect(login.body).toMatchObject({
      accessToken: expect.any(String),
      user: {
        id: user.id,
        email: user.email,
        role: 'university_coordinator',
        districtId: null,
        universityId: user.universityId,
      },
    });
    expect(login.body.user).not.toHaveProperty('passwordHash');
    const me = await t
      .http()
      .get('/api/me')
      .set({ Authorization: `Bearer ${login.body.accessToken}` })
      .expect(200);
    expect(me.body).toMatchObject({
      id: user.id,
      email: user.email,
      name: expect.any(String),
      role: 'university_coordinator',
    });
  });

  it('gives the same 401 for an unknown e-mail and a wrong password', async () => {
    const user = await signedInUser(t, Role.Coordinator);
    const wrong = await t
      .http()
      .post('/api/auth/login')
      .send({ email: user.email, password: 'not-the-password' })
      .expect(401);
    const unknown = await t
      .http()
      .post('/api/auth/login')
      .send({ email: 'nobody@example.se', password: 'whatever-it-is' })
      .expect(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body).toMatchObject({ statusCode: 401, error: 'Unauthorized', message: 'Invalid e-mail or password' });
  });

  it('answers 429 after repeated failures for one e-mail, even with the right password', async () => {
    const user = await signedInUser(t, Role.Coordinator);
    for (let i = 0; i < 3; i++) {
      await t.http().post('/api/auth/login').send({ email: user.email, password: 'wrong-password' }).expect(401);
    }
    const blocked = await t
      .http()
      .post('/api/auth/login')
      .send({ email: user.email, password: user.password })
      .expect(429);
    expect(blocked.body).toMatchObject({ statusCode: 429, message: expect.stringMatching(/too many/i) });
  });

  it('counts failures per client address too', async () => {
    const ip = '203.0.113.9';
    const app = t.app.getHttpAdapter().getInstance();
    const previous = app.get('trust proxy');
    app.set('trust proxy', 1);
    try {
      // The address allowance is four times the per-e-mail one: 12 failures on different e-mails.
      for (let i = 0; i < 12; i++) {
        await t
          .http()
          .post('/api/auth/login')
          .set('X-Forwarded-For', ip)
          .send({ email: `spray${i}@example.se`, password: 'guess-guess' })
          .expect(401);
      }
      await t
        .http()
        .post('/api/auth/login')
        .set('X-Forwarded-For', ip)
        .send({ email: 'spray99@example.se', password: 'guess-guess' })
        .expect(429);
      await t
        .http()
        .post('/api/auth/login')
        .set('X-Forwarded-For', '203.0.113.10')
        .send({ email: 'spray99@example.se', password: 'guess-guess' })
        .expect(401);
    } finally {
      app.set('trust proxy', previous);
    }
  });

  it('refuses an expired token, a token signed with another key, and an unsigned one', async () => {
    const user = await signedInUser(t, Role.Coordinator);
    const jwt = t.app.get(JwtService);
    const now = Math.floor(Date.now() / 1000);
    const expired = await jwt.signAsync({ sub: user.id, role: user.role, ver: 0 }, { expiresIn: -60 });
    const forged = await new JwtService({ secret: 'another-secret-another-secret-another-secret' }).signAsync({
      sub: user.id,
      role: user.role,
      ver: 0,
    });
    const unsigned = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: user.id, role: user.role, ver: 0, exp: now + 600 })}.`;
    // Same secret, another algorithm: the algorithm is pinned to HS256.
    const header = b64({ alg: 'HS512', typ: 'JWT' });
    const body = b64({ sub: user.id, role: user.role, ver: 0, exp: now + 600 });
    const hs512 = `${header}.${body}.${createHmac('sha512', t.config.jwtSecret).update(`${header}.${body}`).digest('base64url')}`;
    for (const token of [expired, forged, unsigned, hs512, 'garbage']) {
      const response = await t
        .http()
        .get('/api/me')
        .set({ Authorization: `Bearer ${token}` })
        .expect(401);
      expect(response.body.message).toMatch(/invalid or has expired/);
    }
    await t.http().get('/api/me').expect(401);
    await t.http().get('/api/me').set({ Authorization: user.token }).expect(401);
  });

  it('stops a deactivated user at once and lets them back in after reactivation', async () => {
    const admin = await signedInUser(t, Role.Coordinator);
    const user = await signedInUser(t, Role.DistrictContact, { district: 'farsta' });
    await t.http().get('/api/me').set(user.auth).expect(200);
    await t.http().patch(`/api/users/${user.id}`).set(admin.auth).send({ active: false }).expect(200);
    await t.http().get('/api/me').set(user.auth).expect(401);
    await t.http().post('/api/auth/login').send({ email: user.email, password: user.password }).expect(401);
    await t.http().patch(`/api/users/${user.id}`).set(admin.auth).send({ active: true }).expect(200);
    // The old token stays dead; a new sign-in works.
    await t.http().get('/api/me').set(user.auth).expect(401);
    await t.http().post('/api/auth/login').send({ email: user.email, password: user.password }).expect(200);
  });

  it('ends existing sessions when the password changes', async () => {
    const admin = await signedInUser(t, Role.Coordinator);
    const user = await signedInUser(t, Role.Coordinator);
    await t
      .http()
      .patch(`/api/users/${user.id}`)
      .set(admin.auth)
      .send({ password: 'a-brand-new-password' })
      .expect(200);
    await t.http().get('/api/me').set(user.auth).expect(401);
    await t.http().post('/api/auth/login').send({ email: user.email, password: 'a-brand-new-password' }).expect(200);
  });

  it('names each bad field of a login request', async () => {
    const response = await t.http().post('/api/auth/login').send({ email: 'not-an-email', remember: true }).expect(400);
    expect(response.body.details.map((d: { field: string }) => d.field).sort()).toEqual([
      'email',
      'password',
      'remember',
    ]);
  });
});
