import { JwtService } from '@nestjs/jwt';
import { createHmac } from 'node:crypto';
import { Role } from '../src/common/auth/role';
import { Clock } from '../src/common/time/clock';
import { signedInUser } from './factories/users';
import { startTestApp, TestApp } from './support/test-app';

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('auth', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      env: {
        LOGIN_MAX_FAILURES: '3',
        LOGIN_CLIENT_MAX_FAILURES: '12',
        LOGIN_SLOWDOWN_AFTER: '6',
        LOGIN_SLOWDOWN_SECONDS: '60',
        TRUST_PROXY: '1',
      },
    });
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

  describe('throttling', () => {
    // Each test's clients are addresses of its own (X-Forwarded-For, one proxy trusted).
    const login = (ip: string, email: string, password: string) =>
      t.http().post('/api/auth/login').set('X-Forwarded-For', ip).send({ email, password });
    const retryAfter = (response: { headers: Record<string, string> }) => Number(response.headers['retry-after']);
    const later = (seconds: number) =>
      jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(Date.now() + seconds * 1000));
    afterEach(() => jest.restoreAllMocks());

    it('holds back the client that failed for an address, even with the right password, but not its owner elsewhere', async () => {
      const user = await signedInUser(t, Role.Coordinator);
      for (let i = 0; i < 3; i++) await login('198.51.100.1', user.email, 'wrong-password').expect(401);
      for (const password of ['another-guess', user.password]) {
        const blocked = await login('198.51.100.1', user.email, password).expect(429);
        expect(retryAfter(blocked)).toBeGreaterThan(890);
        expect(retryAfter(blocked)).toBeLessThanOrEqual(900);
        expect(blocked.body).toMatchObject({
          statusCode: 429,
          code: 'too_many_attempts',
          message: 'Too many failed sign-in attempts; try again in 15 minutes',
          params: { seconds: retryAfter(blocked) },
        });
      }
      // The owner, from a client that has not failed (and never signed in before), is let in.
      await login('198.51.100.2', user.email, user.password).expect(200);
      expect(retryAfter(await login('198.51.100.1', user.email, 'third-guess').expect(429))).toBeGreaterThan(0);
      // Once the window has passed, the guesser gets the same few tries again: three per 15 minutes.
      later(901);
      for (let i = 0; i < 3; i++) await login('198.51.100.1', user.email, `later-guess-${i}`).expect(401);
      await login('198.51.100.1', user.email, 'one-too-many').expect(429);
    });

    it('counts guesses sent in parallel before any of them is answered', async () => {
      const user = await signedInUser(t, Role.Coordinator);
      const answers = await Promise.all(
        Array.from({ length: 10 }, (_, i) => login('198.51.100.3', user.email, `parallel-${i}`)),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([401, 401, 401, 429, 429, 429, 429, 429, 429, 429]);
    });

    it('slows every unknown client down for an address guessed at from many, and lets its owner’s client in', async () => {
      const user = await signedInUser(t, Role.DistrictContact);
      // Six failures from three clients reach the address's ceiling: one attempt a minute from now on.
      for (const ip of ['198.51.100.11', '198.51.100.12', '198.51.100.13'])
        for (let i = 0; i < 2; i++) await login(ip, user.email, `guess-${i}`).expect(401);
      const slowed = await login('198.51.100.14', user.email, 'guess-from-a-fourth').expect(429);
      expect(retryAfter(slowed)).toBeGreaterThan(50);
      expect(retryAfter(slowed)).toBeLessThanOrEqual(60);
      expect(slowed.body.message).toBe(`Too many failed sign-in attempts; try again in 1 minute`);
      // The owner's own client (signedInUser signed in from it) is not slowed down.
      await t.http().post('/api/auth/login').send({ email: user.email, password: user.password }).expect(200);
      // A new client has to wait, but only the minute: a delay, not a lock.
      await login('198.51.100.15', user.email, user.password).expect(429);
      later(61);
      await login('198.51.100.15', user.email, user.password).expect(200);
      later(62);
      await login('198.51.100.16', user.email, 'guess-after-the-wait').expect(401);
      later(63);
      expect(retryAfter(await login('198.51.100.17', user.email, 'too-soon').expect(429))).toBe(59);
    });

    it('stops one client guessing across many addresses, except for addresses it has signed in to', async () => {
      const ip = '203.0.113.9';
      const user = await signedInUser(t, Role.Coordinator);
      await login(ip, user.email, user.password).expect(200);
      for (let i = 0; i < 12; i++) await login(ip, `spray${i}@example.se`, 'guess-guess').expect(401);
      const blocked = await login(ip, 'spray99@example.se', 'guess-guess').expect(429);
      expect(retryAfter(blocked)).toBeGreaterThan(890);
      await login('203.0.113.10', 'spray99@example.se', 'guess-guess').expect(401);
      // Someone else on the same network, who has signed in from it before, still gets in.
      await login(ip, user.email, user.password).expect(200);
    });

    it('shows the sign-in page with the wait in Swedish, answered 429 with Retry-After', async () => {
      const user = await signedInUser(t, Role.UniversityCoordinator);
      const form = await t.http().get('/logga-in').expect(200);
      const cookie = (form.headers['set-cookie'] as unknown as string[]).find((c) => c.startsWith('vfu_csrf='))!;
      const csrf = decodeURIComponent(cookie.slice('vfu_csrf='.length).split(';')[0]);
      const post = (password: string) =>
        t
          .http()
          .post('/logga-in')
          .set('X-Forwarded-For', '198.51.100.21')
          .set('Cookie', `vfu_csrf=${csrf}`)
          .type('form')
          .send({ _csrf: csrf, email: user.email, password, next: '/' });
      for (let i = 0; i < 3; i++) expect((await post('wrong-password').expect(401)).text).toContain('Fel e-postadress');
      const page = await post(user.password).expect(429);
      expect(page.headers['content-type']).toMatch(/^text\/html/);
      expect(retryAfter(page)).toBeGreaterThan(890);
      expect(page.text).toContain('För många misslyckade inloggningar. Vänta 15 minuter och försök igen.');
    });
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
