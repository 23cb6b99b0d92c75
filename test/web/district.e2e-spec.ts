/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { Role } from '../../src/common/auth/role';
import { Clock } from '../../src/common/time/clock';
import { createOffer, createSupervisor, createTerm, moveTo } from '../factories/terms';
import { districtByCode, signedInUser, SignedInUser, universityByCode } from '../factories/users';
import { launchBrowser, screenshot, seriousViolations, signIn } from '../support/browser';
import { address, confirmation, submit } from './forms';
import { startTestApp, TestApp } from '../support/test-app';

/** What a screen reader says about a control beside its label: its hint and its error. */
async function description(page: Page, label: string): Promise<string> {
  const ids = (await page.getByLabel(label, { exact: true }).getAttribute('aria-describedby')) ?? '';
  const texts = await Promise.all(
    ids
      .split(' ')
      .filter(Boolean)
      .map((id) => page.locator(`[id="${id}"]`).textContent()),
  );
  return texts.join(' ');
}

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const rowText = (page: Page, name: string | RegExp) => page.getByRole('row', { name }).textContent();

describe('web: the district contact’s pages and student requests', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let page: Page;
  let admin: SignedInUser;
  let contact: SignedInUser;
  let bromma: string;
  let farsta: string;

  const accessible = async (on: Page = page) => expect(await seriousViolations(on)).toEqual([]);
  const newPage = async () => (await browser.newContext()).newPage();

  beforeAll(async () => {
    t = await startTestApp();
    base = await t.listen();
    browser = await launchBrowser();
    admin = await signedInUser(t, Role.Coordinator);
    contact = await signedInUser(t, Role.DistrictContact, { district: 'bromma' });
    bromma = (await districtByCode(t, 'bromma')).id;
    farsta = (await districtByCode(t, 'farsta')).id;
  });
  afterAll(async () => {
    await browser.close();
    await t.close();
  });
  beforeEach(async () => {
    page = await newPage();
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await page.context().close();
  });

  it('lets a contact add and edit supervisors, and add, edit and delete an offer, with the warnings in Swedish', async () => {
    const term = await createTerm(t, admin, {}, 'reporting');
    await signIn(page, base, contact.email, contact.password);

    await page.goto(`${base}/handledare`);
    expect(await heading(page)).toBe('Handledare');
    await accessible();
    await page.getByLabel('Namn', { exact: true }).fill('Anna Andersson');
    await page.getByLabel('E-postadress', { exact: true }).fill('anna.bromma.se');
    await page.getByLabel('Handledarutbildning').selectOption({ label: 'Ingen' });
    await page.getByRole('button', { name: 'Lägg till handledare' }).click();
    expect(await page.getByRole('alert').textContent()).toContain('E-postadress: Ange en giltig e-postadress.');
    expect(await description(page, 'E-postadress')).toContain('Ange en giltig e-postadress.');
    expect(await page.getByLabel('Namn', { exact: true }).inputValue()).toBe('Anna Andersson');
    expect(await page.getByLabel('E-postadress', { exact: true }).inputValue()).toBe('anna.bromma.se');
    expect(await page.getByLabel('Handledarutbildning').inputValue()).toBe('none');
    await accessible();

    await page.getByLabel('E-postadress', { exact: true }).fill('anna.andersson@bromma.stockholm.se');
    expect(await submit(page.getByRole('button', { name: 'Lägg till handledare' }))).toBe(200);
    expect(address(page)).toBe('/handledare');
    expect(await confirmation(page)).toBe('Handledaren Anna Andersson är tillagd.');
    expect(await rowText(page, /Anna Andersson/)).toMatch(
      /anna\.andersson@bromma\.stockholm\.se[\s\S]*Ingen[\s\S]*Ej utbildad/,
    );
    await page.getByLabel('Namn', { exact: true }).fill('Bertil Berg');
    await page.getByLabel('E-postadress', { exact: true }).fill('bertil.berg@bromma.stockholm.se');
    await page.getByLabel('Handledarutbildning').selectOption({ label: 'Genomgången' });
    expect(await submit(page.getByRole('button', { name: 'Lägg till handledare' }))).toBe(200);
    expect(await confirmation(page)).toBe('Handledaren Bertil Berg är tillagd.');
    await accessible();
    await screenshot(page, 'kontaktperson-handledare');
    await page.getByLabel('Namn', { exact: true }).fill('Anna A.');
    await page.getByLabel('E-postadress', { exact: true }).fill('anna.andersson@bromma.stockholm.se');
    await page.getByLabel('Handledarutbildning').selectOption({ label: 'Pågår' });
    await page.getByRole('button', { name: 'Lägg till handledare' }).click();
    expect(await description(page, 'E-postadress')).toContain(
      'Stadsdelen har redan en handledare med e-postadressen anna.andersson@bromma.stockholm.se.',
    );
    expect(await page.getByLabel('Namn', { exact: true }).inputValue()).toBe('Anna A.');
    expect(await page.getByRole('row', { name: /Anna A\./ }).count()).toBe(0);

    await page.getByRole('link', { name: 'Ändra Anna Andersson' }).click();
    expect(await heading(page)).toBe('Ändra handledare');
    await accessible();
    await page.getByLabel('Handledarutbildning').selectOption({ label: 'Genomgången' });
    await page.getByLabel('Antal studenter åt gången').selectOption({ label: '2 studenter' });
    expect(await submit(page.getByRole('button', { name: 'Spara' }))).toBe(200);
    expect(address(page)).toBe('/handledare');
    expect(await confirmation(page)).toBe('Handledaren Anna Andersson är sparad.');
    // Said once: the same page again has no confirmation.
    await page.reload();
    expect(await page.locator('.notice--success').count()).toBe(0);
    const anna = await rowText(page, /Anna Andersson/);
    expect(anna).toContain('Genomgången');
    expect(anna).toContain('2');
    expect(anna).not.toContain('Ej utbildad');

    await page.goto(`${base}/platser?termin=${term.code}`);
    expect(await heading(page)).toBe(`Platser ${term.code}`);
    expect(await page.getByText('Rapporteringen är öppen').count()).toBe(1);
    await accessible();
    await page.getByLabel('Enhet', { exact: true }).fill('Vuxenenheten Bromma');
    await page.getByLabel('Verksamhetsområde').selectOption({ label: 'Ekonomiskt bistånd' });
    await page.getByLabel('Antal platser').fill('5');
    await page.getByRole('checkbox', { name: /Bertil Berg/ }).check();
    expect(await submit(page.getByRole('button', { name: 'Lägg till plats' }))).toBe(200);
    expect(address(page)).toBe(`/platser?termin=${term.code}`);
    expect(await confirmation(page)).toBe(
      'Platsen Vuxenenheten Bromma, Ekonomiskt bistånd är tillagd, men något behöver ses över: se varningarna vid platsen.',
    );
    const offer = await rowText(page, /Vuxenenheten Bromma/);
    expect(offer).toContain('Ekonomiskt bistånd');
    expect(offer).toContain('Bertil Berg');
    expect(offer).toContain('Handledarna räcker till 1 av 5 platser.');
    await accessible();
    await screenshot(page, 'kontaktperson-platser');

    await page.getByRole('link', { name: 'Ändra Vuxenenheten Bromma, Ekonomiskt bistånd' }).click();
    expect(await heading(page)).toBe('Ändra plats');
    expect(await page.getByText('Handledarna räcker till 1 av 5 platser.').count()).toBe(1);
    expect(await page.getByLabel('Antal platser').inputValue()).toBe('5');
    await accessible();
    await page.getByLabel('Antal platser').fill('3');
    await page.getByRole('checkbox', { name: /Anna Andersson/ }).check();
    expect(await submit(page.getByRole('button', { name: 'Spara' }))).toBe(200);
    expect(address(page)).toBe(`/platser?termin=${term.code}`);
    expect(await confirmation(page)).toBe('Platsen Vuxenenheten Bromma, Ekonomiskt bistånd är sparad.');
    const edited = await rowText(page, /Vuxenenheten Bromma/);
    expect(edited).toMatch(/Ekonomiskt bistånd\s*3\s*3/);
    expect(edited).toContain('Anna Andersson');
    expect(edited).not.toContain('räcker till');

    page.once('dialog', (dialog) => void dialog.accept());
    expect(await submit(page.getByRole('button', { name: 'Ta bort Vuxenenheten Bromma, Ekonomiskt bistånd' }))).toBe(
      200,
    );
    expect(address(page)).toBe(`/platser?termin=${term.code}`);
    expect(await confirmation(page)).toBe('Platsen Vuxenenheten Bromma, Ekonomiskt bistånd är borttagen.');
    expect(await page.getByText('Inga platser är rapporterade för terminen ännu.').count()).toBe(1);
    await accessible();

    await page.setViewportSize({ width: 375, height: 740 });
    await page.goto(`${base}/handledare`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });

  it('refuses an offer after the reporting deadline with the Swedish message, keeps the input and saves nothing', async () => {
    const late = await createTerm(t, admin, { reportingDeadline: '2020-03-01' }, 'reporting');
    await createSupervisor(t, contact, bromma, { name: 'Cecilia Ek' });
    await signIn(page, base, contact.email, contact.password);

    await page.goto(`${base}/platser?termin=${late.code}`);
    expect(await page.getByText('Rapporteringen är stängd').count()).toBe(1);
    expect(await page.getByText('Sista dag för rapportering: 1 mars 2020').count()).toBe(1);
    await accessible();
    await page.getByLabel('Enhet', { exact: true }).fill('Sena enheten');
    await page.getByLabel('Verksamhetsområde').selectOption({ label: 'Äldreomsorg' });
    await page.getByLabel('Antal platser').fill('2');
    await page.getByRole('checkbox', { name: /Cecilia Ek/ }).check();
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === 'POST'),
      page.getByRole('button', { name: 'Lägg till plats' }).click(),
    ]);
    expect(answer.status()).toBe(409);
    expect(await page.getByRole('alert').textContent()).toMatch(
      new RegExp(`Sista dag för rapportering för ${late.code} \\(1 mars 2020\\) har passerat`),
    );
    expect(await page.getByLabel('Enhet', { exact: true }).inputValue()).toBe('Sena enheten');
    expect(await page.getByLabel('Verksamhetsområde').inputValue()).toBe('elderly');
    expect(await page.getByLabel('Antal platser').inputValue()).toBe('2');
    expect(await page.getByRole('checkbox', { name: /Cecilia Ek/ }).isChecked()).toBe(true);
    expect(await page.getByText('Inga platser är rapporterade för terminen ännu.').count()).toBe(1);
    await accessible();
    const saved = await t.http().get(`/api/terms/${late.code}/offers`).set(contact.auth).expect(200);
    expect(saved.body).toEqual([]);
  });

  it('shows the 403 page, and nothing of it, when a contact opens another district’s offer or supervisor', async () => {
    const term = await createTerm(t, admin, {}, 'reporting');
    const theirs = await createSupervisor(t, admin, farsta, { name: 'Fredrik Farstasson' });
    const offer = await createOffer(t, admin, term.code, {
      districtId: farsta,
      unitName: 'Farsta mottagning',
      supervisorIds: [theirs.id],
    });
    expect(offer.status).toBe(201);
    await signIn(page, base, contact.email, contact.password);

    for (const path of [`/platser/${offer.body.id}`, `/handledare/${theirs.id}`]) {
      const response = await page.goto(`${base}${path}`);
      expect(response?.status()).toBe(403);
      expect(await heading(page)).toBe('Du har inte behörighet till sidan');
      const text = await page.locator('main').textContent();
      expect(text).not.toContain('Farsta mottagning');
      expect(text).not.toContain('Fredrik Farstasson');
      await accessible();
    }
    await page.goto(`${base}/platser?termin=${term.code}`);
    expect(await page.locator('main').textContent()).not.toContain('Farsta mottagning');
    await page.goto(`${base}/handledare`);
    expect(await page.locator('main').textContent()).not.toContain('Fredrik Farstasson');
  });

  it('lists the students placed in the district with their supervisors', async () => {
    const term = await createTerm(t, admin, {}, 'reporting');
    const supervisor = await createSupervisor(t, admin, bromma, { name: 'Dora Dahl' });
    const offer = await createOffer(t, admin, term.code, {
      districtId: bromma,
      unitName: 'Bromma barn och unga',
      field: 'children_youth',
      supervisorIds: [supervisor.id],
    });
    const su = await universityByCode(t, 'SU');
    await t
      .http()
      .put(`/api/terms/${term.code}/demand/${su.id}`)
      .set(admin.auth)
      .send({ requestedPlaces: 1 })
      .expect(200);
    const student = await t
      .http()
      .post(`/api/terms/${term.code}/students`)
      .set(admin.auth)
      .send({
        universityId: su.id,
        name: 'Elsa Ekström',
        email: 'elsa@student.su.se',
        studentRef: 'SU-elsa',
        fieldPreferences: ['children_youth'],
      })
      .expect(201);
    await moveTo(t, admin, term.code, 'allocating');
    await t
      .http()
      .post(`/api/terms/${term.code}/assignments`)
      .set(admin.auth)
      .send({ studentId: student.body.id, offerId: offer.body.id, supervisorId: supervisor.id })
      .expect(201);
    await signIn(page, base, contact.email, contact.password);

    await page.goto(`${base}/placerade?termin=${term.code}`);
    expect(await heading(page)).toBe(`Placerade studenter ${term.code}`);
    const row = await rowText(page, /Elsa Ekström/);
    for (const shown of [
      'Stockholms universitet',
      'Bromma barn och unga',
      'Barn och unga',
      'Dora Dahl',
      'dora.dahl.',
      'Utkast',
    ])
      expect(row).toContain(shown);
    await accessible();
    await screenshot(page, 'kontaktperson-placerade');
  });

  it('forwards a request a contact logs, lets the university mark it answered, and shows the coordinator the overdue ones', async () => {
    const su = await universityByCode(t, 'SU');
    const university = await signedInUser(t, Role.UniversityCoordinator, { university: 'SU' });
    await signIn(page, base, contact.email, contact.password);

    await page.goto(`${base}/forfragningar`);
    expect(await heading(page)).toBe('Förfrågningar från studenter');
    await accessible();
    await page.getByLabel('Studentens namn').fill('Fatima Fors');
    await page.getByLabel('Studentens e-postadress').fill('fatima.fors.student.su.se');
    await page.getByLabel('Studentens lärosäte').selectOption({ label: 'Stockholms universitet' });
    await page.getByLabel('Förfrågan', { exact: true }).fill('Vill göra VFU inom äldreomsorgen i Bromma.');
    await page.getByRole('button', { name: 'Logga och skicka vidare' }).click();
    expect(await description(page, 'Studentens e-postadress')).toContain('Ange en giltig e-postadress.');
    expect(await page.getByLabel('Studentens namn').inputValue()).toBe('Fatima Fors');
    expect(await page.getByLabel('Studentens lärosäte').inputValue()).toBe(su.id);
    await accessible();
    await page.getByLabel('Studentens e-postadress').fill('fatima.fors@student.su.se');
    expect(await submit(page.getByRole('button', { name: 'Logga och skicka vidare' }))).toBe(200);
    expect(address(page)).toBe('/forfragningar');
    expect(await confirmation(page)).toBe(
      'Förfrågan från Fatima Fors är registrerad och skickad vidare till VFU-samordnaren på Stockholms universitet.',
    );
    const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Fatima Fors' }) });
    expect(await card.textContent()).toMatch(
      /Vidarebefordrad[\s\S]*Stockholms universitet[\s\S]*Vill göra VFU inom äldreomsorgen i Bromma\./,
    );
    await accessible();
    await screenshot(page, 'forfragningar-kontaktperson');

    const outbox = await t.dataSource.query(
      `SELECT recipient_email FROM notifications WHERE template = 'student-request' AND recipient_user_id = $1 AND data->>'studentName' = 'Fatima Fors'`,
      [university.id],
    );
    expect(outbox).toEqual([{ recipient_email: university.email }]);

    const uni = await newPage();
    await signIn(uni, base, university.email, university.password);
    await uni.goto(`${base}/forfragningar`);
    await accessible(uni);
    await uni.getByLabel('Svar till Fatima Fors').fill('Vi har svarat studenten och bokat ett samtal.');
    expect(await submit(uni.getByRole('button', { name: 'Markera som besvarad – förfrågan från Fatima Fors' }))).toBe(
      200,
    );
    expect(address(uni)).toBe('/forfragningar');
    expect(await confirmation(uni)).toBe('Förfrågan från Fatima Fors är markerad som besvarad.');
    const answered = await uni
      .getByRole('listitem')
      .filter({ has: uni.getByRole('heading', { name: 'Fatima Fors' }) })
      .textContent();
    expect(answered).toContain('Besvarad');
    expect(answered).toContain('Vi har svarat studenten och bokat ett samtal.');
    expect(await uni.getByRole('button', { name: /Markera som besvarad/ }).count()).toBe(0);
    await accessible(uni);
    await screenshot(uni, 'forfragningar-larosate');
    await uni.context().close();

    await t
      .http()
      .post('/api/student-requests')
      .set(contact.auth)
      .send({
        studentName: 'Gustav Glömd',
        studentEmail: 'gustav@student.example.se',
        message: 'Finns det plats till hösten?',
      })
      .expect(201);
    // Fifteen days on, nobody has answered Gustav: his request is overdue.
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date(Date.now() + 15 * 24 * 3600 * 1000));
    const coordinator = await newPage();
    await signIn(coordinator, base, admin.email, admin.password);
    await coordinator.goto(`${base}/forfragningar`);
    expect(await coordinator.getByRole('heading', { name: 'Fatima Fors' }).count()).toBe(1);
    expect(await coordinator.getByRole('heading', { name: 'Gustav Glömd' }).count()).toBe(1);
    await coordinator.getByRole('link', { name: 'Bara försenade' }).click();
    await coordinator.waitForURL(/forsenade=1/);
    expect(await coordinator.getByRole('heading', { level: 2 }).first().textContent()).toBe(
      'Försenade förfrågningar (1)',
    );
    const overdue = await coordinator
      .getByRole('listitem')
      .filter({ has: coordinator.getByRole('heading', { name: 'Gustav Glömd' }) })
      .textContent();
    expect(overdue).toContain('Försenad');
    expect(overdue).toContain('Okänt (skickad till alla tre lärosätena)');
    expect(await coordinator.locator('main').textContent()).not.toContain('Fatima Fors');
    await accessible(coordinator);
    coordinator.once('dialog', (dialog) => void dialog.accept());
    expect(await submit(coordinator.getByRole('button', { name: 'Avsluta förfrågan från Gustav Glömd' }))).toBe(200);
    expect(address(coordinator)).toBe('/forfragningar?forsenade=1');
    expect(await confirmation(coordinator)).toBe('Förfrågan från Gustav Glömd är avslutad.');
    expect(await coordinator.getByText('Inga förfrågningar är försenade.').count()).toBe(1);
    await coordinator.context().close();
  });
});
