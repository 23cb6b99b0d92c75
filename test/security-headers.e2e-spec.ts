/// <reference lib="dom" />
import { Role } from '../src/common/auth/role';
import { signedInUser, SignedInUser } from './factories/users';
import { launchBrowser } from './support/browser';
import { startTestApp, TestApp } from './support/test-app';

describe('security headers', () => {
  let t: TestApp;
  let coordinator: SignedInUser;
  beforeAll(async () => {
    t = await startTestApp();
    coordinator = await signedInUser(t, Role.Coordinator);
  });
  afterAll(() => t.close());

  const apiHeaders = (headers: Record<string, string>) => {
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['cache-control']).toBe('no-store');
    expect(headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
    expect(headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(headers['referrer-policy']).toBe('no-referrer');
    expect(headers).not.toHaveProperty('x-powered-by');
  };

  it('gives an anonymous API answer, a refusal among them, helmet’s headers and no-store', async () => {
    apiHeaders((await t.http().get('/api/health').expect(200)).headers);
    apiHeaders((await t.http().get('/api/me').expect(401)).headers);
    apiHeaders((await t.http().get('/api/no-such-thing').expect(404)).headers);
  });

  it('never lets personal data from an authenticated API answer be cached', async () => {
    apiHeaders((await t.http().get('/api/me').set(coordinator.auth).expect(200)).headers);
    apiHeaders((await t.http().get('/api/users').set(coordinator.auth).expect(200)).headers);
    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ email: coordinator.email, password: coordinator.password })
      .expect(200);
    apiHeaders(login.headers);
  });

  it('names no framework on pages, the API, the docs or the queue board', async () => {
    for (const response of [
      await t.http().get('/logga-in').expect(200),
      await t.http().get('/').expect(303),
      await t.http().get('/static/app.css'),
      await t.http().get('/api/health').expect(200),
      await t.http().get('/api/docs').expect(200),
      await t.http().get('/api/docs-json').expect(200),
      await t.http().get('/api/admin/queues').set(coordinator.auth).expect(200),
    ]) {
      expect(response.headers).not.toHaveProperty('x-powered-by');
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('shows the API docs under a policy they work with: helmet’s own, no inline script', async () => {
    const docs = await t.http().get('/api/docs').expect(200);
    expect(docs.headers['content-security-policy']).toContain("script-src 'self'");
    const base = await t.listen();
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const refused: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
      });
      await page.goto(`${base}/api/docs`);
      await page.getByText('VFU placement coordination').first().waitFor();
      expect(await page.locator('.opblock').count()).toBeGreaterThan(40);
      expect(refused).toEqual([]);
    } finally {
      await browser.close();
    }
  });

  describe('with a production configuration', () => {
    let production: TestApp;
    beforeAll(async () => {
      production = await startTestApp({ env: { NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:2525' } });
    });
    afterAll(() => production.close());

    it('has no API docs, sends HSTS, and still answers the API', async () => {
      await production.http().get('/api/docs').expect(404);
      await production.http().get('/api/docs-json').expect(404);
      const health = await production.http().get('/api/health').expect(200);
      expect(health.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      apiHeaders(health.headers);
    });

    it('shows the docs when API_DOCS=true asks for them', async () => {
      const asked = await startTestApp({
        env: { NODE_ENV: 'production', SMTP_URL: 'smtp://127.0.0.1:2525', API_DOCS: 'true' },
      });
      try {
        await asked.http().get('/api/docs-json').expect(200);
      } finally {
        await asked.close();
      }
    });
  });
});
