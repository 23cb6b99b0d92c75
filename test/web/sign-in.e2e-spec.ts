/// <reference lib="dom" />
import { createHash, randomBytes } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { Role } from '../../src/common/auth/role';
import { signedInUser, SignedInUser } from '../factories/users';
import { launchBrowser, screenshot, seriousViolations, signIn } from '../support/browser';
import { address, confirmation, submit } from './forms';
import { startTestApp, TestApp } from '../support/test-app';

describe('web: signing in and out', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let page: Page;
  let coordinator: SignedInUser;

  beforeAll(async () => {
    t = await startTestApp();
    base = await t.listen();
    browser = await launchBrowser();
    coordinator = await signedInUser(t, Role.Coordinator);
  });
  afterAll(async () => {
    await browser.close();
    await t.close();
  });
  beforeEach(async () => {
    page = await (await browser.newContext()).newPage();
  });
  afterEach(() => page.context().close());

  it('sends a visitor to the sign-in page, shows a wrong password next to the form, keeps the e-mail', async () => {
    await page.goto(`${base}/`);
    await page.waitForURL(/\/logga-in\?next=%2F$/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'logga-in');
    await page.getByLabel('E-postadress').fill(coordinator.email);
    await page.getByLabel('Lösenord').fill('fel-losenord-123');
    await page.getByRole('button', { name: 'Logga in' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('Fel e-postadress eller lösenord.');
    expect(await page.getByLabel('E-postadress').inputValue()).toBe(coordinator.email);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('signs in with a session cookie (httpOnly, SameSite=Lax), shows the overview and the calendar link, and signs out', async () => {
    await signIn(page, base, coordinator.email, coordinator.password);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Hej Test coordinator!');
    const cookie = (await page.context().cookies()).find((c) => c.name === 'vfu_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    const link = await page.getByLabel('Kalenderlänk', { exact: true }).inputValue();
    expect(link).toMatch(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'oversikt-samordnare');

    page.once('dialog', (dialog) => void dialog.accept());
    expect(await submit(page.getByRole('button', { name: /Skapa ny länk/ }))).toBe(200);
    expect(address(page)).toBe('/');
    expect(await confirmation(page)).toBe('Du har fått en ny kalenderlänk. Den gamla fungerar inte längre.');
    const renewed = await page.getByLabel('Kalenderlänk', { exact: true }).inputValue();
    expect(renewed).not.toBe(link);
    expect((await page.request.get(`${base}${new URL(link).pathname}`)).status()).toBe(404);
    expect((await page.request.get(`${base}${new URL(renewed).pathname}`)).status()).toBe(200);
    // Shown again whenever the page is: the link is derived, not stored.
    await page.goto(`${base}/`);
    expect(await page.getByLabel('Kalenderlänk', { exact: true }).inputValue()).toBe(renewed);

    expect(await submit(page.getByRole('button', { name: 'Logga ut' }))).toBe(200);
    expect(address(page)).toBe('/logga-in?klart=utloggad');
    expect(await confirmation(page)).toBe('Du är utloggad.');
    await page.goto(`${base}/`);
    await page.waitForURL(/\/logga-in/);
  });

  it('says in Swedish how long to wait after too many wrong passwords, answered 429', async () => {
    const user = await signedInUser(t, Role.DistrictContact);
    await page.goto(`${base}/logga-in`);
    const attempt = async (password: string) => {
      await page.getByLabel('Lösenord').fill(password);
      await page.getByLabel('E-postadress').fill(user.email);
      return submit(page.getByRole('button', { name: 'Logga in' }));
    };
    for (let i = 0; i < 5; i++) expect(await attempt(`fel-losenord-${i}`)).toBe(401);
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/logga-in') && r.request().method() === 'POST'),
      attempt(user.password),
    ]);
    expect(answer.status()).toBe(429);
    expect(Number(answer.headers()['retry-after'])).toBeGreaterThan(890);
    expect(await page.getByRole('alert').textContent()).toContain(
      'För många misslyckade inloggningar. Vänta 15 minuter och försök igen.',
    );
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('refuses a form post without the session’s CSRF token', async () => {
    await signIn(page, base, coordinator.email, coordinator.password);
    const status = await page.evaluate(async () => (await fetch('/kalenderlank', { method: 'POST' })).status);
    expect(status).toBe(403);
  });

  it('says a calendar link made before the update cannot be shown, keeps it working until a new one is made', async () => {
    const user = await signedInUser(t, Role.DistrictContact);
    const token = randomBytes(32).toString('base64url');
    await t.dataSource.query('INSERT INTO calendar_tokens (user_id, token_hash) VALUES ($1, $2)', [
      user.id,
      createHash('sha256').update(token).digest('hex'),
    ]);
    await signIn(page, base, user.email, user.password);
    expect(await page.getByLabel('Kalenderlänk', { exact: true }).count()).toBe(0);
    expect(await page.getByText(/^Din kalenderlänk skapades före en uppdatering av tjänsten/).textContent()).toBe(
      'Din kalenderlänk skapades före en uppdatering av tjänsten och kan inte visas här. Skapa en ny länk så visas den. Den gamla länken fungerar tills du gör det.',
    );
    expect(await seriousViolations(page)).toEqual([]);
    expect((await page.request.get(`${base}/api/calendar/${token}.ics`)).status()).toBe(200);
    page.once('dialog', (dialog) => void dialog.accept());
    expect(await submit(page.getByRole('button', { name: /Skapa ny länk/ }))).toBe(200);
    expect(await page.getByLabel('Kalenderlänk', { exact: true }).inputValue()).toMatch(
      /\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/,
    );
    expect((await page.request.get(`${base}/api/calendar/${token}.ics`)).status()).toBe(404);
  });

  it('opens the queue dashboard to a signed-in coordinator only', async () => {
    await signIn(page, base, coordinator.email, coordinator.password);
    const board = await page.goto(`${base}/api/admin/queues`);
    expect(board?.status()).toBe(200);
    const queues = await page.evaluate(async () => (await fetch('/api/admin/queues/api/queues')).json());
    expect(queues.queues.length).toBeGreaterThan(0);
    // The board's own buttons post without our CSRF token: a cross-site post is refused.
    const crossSite = await page.request.put(`${base}/api/admin/queues/api/queues/notifications/pause`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(crossSite.status()).toBe(403);
    const contact = await signedInUser(t, Role.DistrictContact);
    const other = await (await browser.newContext()).newPage();
    await signIn(other, base, contact.email, contact.password);
    expect((await other.goto(`${base}/api/admin/queues`))?.status()).toBe(403);
    await other.context().close();
  });

  it('works on a phone-sized screen', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    await signIn(page, base, coordinator.email, coordinator.password);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await screenshot(page, 'oversikt-mobil');
  });
});
