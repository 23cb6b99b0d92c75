/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { Role } from '../../src/common/auth/role';
import { Clock } from '../../src/common/time/clock';
import { University } from '../../src/universities/entities/university.entity';
import { createOffer, createSupervisor, createTerm } from '../factories/terms';
import { districtByCode, signedInUser, SignedInUser } from '../factories/users';
import { launchBrowser, screenshot, seriousViolations, signIn } from '../support/browser';
import { address, confirmation, submit } from './forms';
import { startTestApp, TestApp } from '../support/test-app';

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const alert = (page: Page) => page.getByRole('alert').textContent();
const rowText = (page: Page, name: string | RegExp) => page.getByRole('row', { name }).textContent();
/** The text of the error the field points to with aria-describedby. */
const errorOf = async (page: Page, field: ReturnType<Page['getByLabel']>) => {
  const id = (await field.getAttribute('aria-describedby'))!.split(' ').pop()!;
  return page.locator(`[id="${id}"]`).textContent();
};

describe('web: the coordinator’s events, users, districts, follow-up and log', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let page: Page;
  let admin: SignedInUser;
  let brommaContact: SignedInUser;
  let suCoordinator: SignedInUser;
  const district: Record<string, string> = {};

  const accessible = async (on: Page = page) => expect(await seriousViolations(on)).toEqual([]);
  const createEvent = async (body: object): Promise<{ id: string }> =>
    (await t.http().post('/api/events').set(admin.auth).send(body).expect(201)).body;

  beforeAll(async () => {
    t = await startTestApp();
    base = await t.listen();
    browser = await launchBrowser();
    admin = await signedInUser(t, Role.Coordinator);
    brommaContact = await signedInUser(t, Role.DistrictContact, { district: 'bromma' });
    suCoordinator = await signedInUser(t, Role.UniversityCoordinator, { university: 'SU' });
    for (const code of ['bromma', 'farsta']) district[code] = (await districtByCode(t, code)).id;
    // HT2040 starts on 27 August 2040: the year's workshop must be over by then.
    const universities = await t.dataSource.getRepository(University).find();
    await createTerm(t, admin, {
      code: 'HT2040',
      reportingDeadline: '2999-06-30',
      periods: universities.map((u) => ({ universityId: u.id, startsOn: '2040-08-27', endsOn: '2041-01-15' })),
    });
  });
  afterAll(async () => {
    await browser.close();
    await t.close();
  });
  beforeEach(async () => {
    page = await (await browser.newContext({ locale: 'sv-SE' })).newPage();
    // The pages ask before actions that cannot be undone: the coordinator says yes.
    page.on('dialog', (dialog) => void dialog.accept());
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await page.context().close();
  });

  it('creates a workshop through the form (a broken rule shown in Swedish, the input kept), changes its place, and cancels another event', async () => {
    await signIn(page, base, admin.email, admin.password);
    await page.goto(`${base}/handelser`);
    expect(await heading(page)).toBe('Händelser');
    await accessible();

    // Over after the autumn term has started: the service's rule, worded in Swedish next to the end.
    await page.getByLabel('Typ av händelse').selectOption({ label: 'Workshop' });
    await page.getByLabel('Rubrik').fill('Workshop inför hösten 2040');
    await page.getByLabel('Börjar').fill('2040-08-20T09:00');
    await page.getByLabel('Slutar').fill('2040-08-28T15:00');
    await page.getByLabel('Plats').fill('Stadshuset');
    await page.getByRole('button', { name: 'Lägg upp händelsen' }).click();
    await page.waitForLoadState();
    const rule =
      'Workshopen hålls före höstterminens start: den ska vara slut före 27 augusti 2040, första VFU-start för HT2040.';
    expect(await alert(page)).toContain(`Slutar: ${rule}`);
    const ends = page.getByLabel('Slutar');
    expect(await ends.getAttribute('aria-invalid')).toBe('true');
    expect(await errorOf(page, ends)).toContain(rule);
    expect(await ends.inputValue()).toBe('2040-08-28T15:00');
    expect(await page.getByLabel('Börjar').inputValue()).toBe('2040-08-20T09:00');
    expect(await page.getByLabel('Rubrik').inputValue()).toBe('Workshop inför hösten 2040');
    expect(await page.getByLabel('Typ av händelse').inputValue()).toBe('workshop');
    await accessible();

    await ends.fill('2040-08-20T15:00');
    expect(await submit(page.getByRole('button', { name: 'Lägg upp händelsen' }))).toBe(200);
    expect(address(page)).toMatch(/^\/handelser\/[0-9a-f-]{36}$/);
    expect(await confirmation(page)).toBe(
      'Händelsen Workshop inför hösten 2040 är upplagd och de inbjudna får en kalenderinbjudan med e-post.',
    );
    expect(await heading(page)).toBe('Workshop inför hösten 2040');
    const facts = await page.locator('main').textContent();
    expect(facts).toContain('Workshop');
    expect(facts).toContain('20 augusti 2040 kl. 09.00–15.00');
    // Every contact person, university coordinator and coordinator is invited; attendance waits for the start.
    expect(await rowText(page, /Test district_contact/)).toContain('Kontaktperson');
    expect(await rowText(page, /Test university_coordinator/)).toContain(suCoordinator.email);
    expect(await page.getByText('Närvaron registreras här när händelsen har börjat').count()).toBe(1);
    expect(await page.getByRole('checkbox', { name: /Närvarade/ }).count()).toBe(0);
    await accessible();
    await screenshot(page, 'samordnare-handelse');

    await page.getByLabel('Plats').fill('Kulturhuset, Sergels torg');
    expect(await submit(page.getByRole('button', { name: 'Spara ändringarna' }))).toBe(200);
    expect(await confirmation(page)).toBe(
      'Händelsen Workshop inför hösten 2040 är ändrad och de inbjudna får en uppdaterad kalenderinbjudan.',
    );
    expect(await page.locator('dl').textContent()).toContain('Kulturhuset, Sergels torg');

    const meeting = await createEvent({
      type: 'network_meeting',
      title: 'Nätverksmöte mars',
      location: 'Bromma stadsdelsförvaltning',
      startsAt: '2040-03-10T13:00:00+01:00',
      endsAt: '2040-03-10T15:00:00+01:00',
    });
    await page.goto(`${base}/handelser/${meeting.id}`);
    expect(await submit(page.getByRole('button', { name: 'Ställ in händelsen' }))).toBe(200);
    expect(address(page)).toBe(`/handelser/${meeting.id}`);
    expect(await confirmation(page)).toBe('Händelsen Nätverksmöte mars är inställd och de inbjudna får besked.');
    expect(await heading(page)).toBe('Nätverksmöte mars Inställd');
    expect(await page.getByRole('button', { name: 'Spara ändringarna' }).count()).toBe(0);

    await page.goto(`${base}/handelser`);
    expect(await rowText(page, /Nätverksmöte mars/)).toContain('Inställd');
    const workshopRow = await rowText(page, /Workshop inför hösten 2040/);
    expect(workshopRow).toContain('Kulturhuset, Sergels torg');
    expect(workshopRow).toContain('Planerad');
    const ics = await page
      .getByRole('link', { name: 'Hämta kalenderfil för Workshop inför hösten 2040 (.ics)' })
      .getAttribute('href');
    const calendar = await page.request.get(`${base}${ics}`);
    expect(calendar.headers()['content-type']).toMatch(/^text\/calendar/);
    expect(await calendar.text()).toContain('Kulturhuset');
    await accessible();
    await screenshot(page, 'samordnare-handelser');

    // One workshop a year: the service's 409, in Swedish above the form, the input kept.
    await page.getByLabel('Typ av händelse').selectOption({ label: 'Workshop' });
    await page.getByLabel('Rubrik').fill('En workshop till');
    await page.getByLabel('Börjar').fill('2040-06-11T09:00');
    await page.getByLabel('Slutar').fill('2040-06-11T12:00');
    await page.getByLabel('Plats').fill('Stadshuset');
    await page.getByRole('button', { name: 'Lägg upp händelsen' }).click();
    await page.waitForLoadState();
    expect(await alert(page)).toContain(
      'Det finns redan en workshop 2040: ”Workshop inför hösten 2040”. Det hålls en workshop per år.',
    );
    expect(await page.getByLabel('Rubrik').inputValue()).toBe('En workshop till');
    expect(await page.getByLabel('Börjar').inputValue()).toBe('2040-06-11T09:00');
  });

  it('records attendance once an event has begun: every invitee, ticked or not', async () => {
    const meeting = await createEvent({
      type: 'network_meeting',
      title: 'Nätverksmöte februari',
      location: 'Stadshuset',
      includeUniversities: true,
      startsAt: '2040-02-05T10:00:00+01:00',
      endsAt: '2040-02-05T12:00:00+01:00',
    });
    await signIn(page, base, admin.email, admin.password);
    await page.goto(`${base}/handelser/${meeting.id}`);
    expect(await page.getByRole('button', { name: 'Spara närvaron' }).count()).toBe(0);

    // Half-way through the meeting; sessions run on the same clock, so sign in again then.
    jest.spyOn(t.app.get(Clock), 'now').mockReturnValue(new Date('2040-02-05T11:30:00Z'));
    await signIn(page, base, admin.email, admin.password);
    await page.goto(`${base}/handelser/${meeting.id}`);
    expect(await page.getByText('Närvaron registreras här när händelsen har börjat').count()).toBe(0);
    await page.getByRole('checkbox', { name: 'Närvarade – Test district_contact' }).check();
    await page.getByRole('checkbox', { name: 'Närvarade – Test university_coordinator' }).check();
    await accessible();
    expect(await submit(page.getByRole('button', { name: 'Spara närvaron' }))).toBe(200);
    expect(await confirmation(page)).toBe('Närvaron på Nätverksmöte februari är sparad: 2 av 3 närvarade.');
    expect(await page.getByRole('checkbox', { name: 'Närvarade – Test district_contact' }).isChecked()).toBe(true);
    expect(await page.getByRole('checkbox', { name: 'Närvarade – Test coordinator' }).isChecked()).toBe(false);

    const invitees = (await t.http().get(`/api/events/${meeting.id}/invitees`).set(admin.auth).expect(200)).body as {
      email: string;
      attended: boolean | null;
    }[];
    expect(Object.fromEntries(invitees.map((i) => [i.email, i.attended]))).toEqual({
      [brommaContact.email]: true,
      [suCoordinator.email]: true,
      [admin.email]: false,
    });
  });

  it('creates a district contact (a taken e-mail said next to the field), makes them Farsta’s contact person, and deactivates them', async () => {
    await signIn(page, base, admin.email, admin.password);
    await page.goto(`${base}/anvandare`);
    expect(await heading(page)).toBe('Användare');
    await accessible();

    await page.getByLabel('Namn').fill('Karin Kontakt');
    await page.getByLabel('E-postadress').fill(brommaContact.email);
    await page.getByLabel('Lösenord').fill('ett-langt-losenord');
    await page.getByLabel('Roll').selectOption({ label: 'Kontaktperson' });
    await page.getByLabel('Stadsdel').selectOption({ label: 'Farsta' });
    await page.getByRole('button', { name: 'Lägg upp användaren' }).click();
    await page.waitForLoadState();
    const email = page.getByLabel('E-postadress');
    expect(await alert(page)).toContain(
      `E-postadress: Det finns redan en användare med e-postadressen ${brommaContact.email}.`,
    );
    expect(await email.getAttribute('aria-invalid')).toBe('true');
    expect(await errorOf(page, email)).toContain(
      `Det finns redan en användare med e-postadressen ${brommaContact.email}.`,
    );
    expect(await page.getByLabel('Namn').inputValue()).toBe('Karin Kontakt');
    expect(await email.inputValue()).toBe(brommaContact.email);
    expect(await page.getByLabel('Roll').inputValue()).toBe('district_contact');
    expect(await page.getByLabel('Stadsdel').inputValue()).toBe(district.farsta);
    expect(await page.getByLabel('Lösenord').inputValue()).toBe('');
    await accessible();

    await email.fill('karin.kontakt@farsta.example.se');
    await page.getByLabel('Lösenord').fill('ett-langt-losenord');
    expect(await submit(page.getByRole('button', { name: 'Lägg upp användaren' }))).toBe(200);
    expect(address(page)).toBe('/anvandare');
    expect(await confirmation(page)).toBe('Användaren Karin Kontakt är upplagd och får ett välkomstmejl.');
    const karin = await rowText(page, /Karin Kontakt/);
    expect(karin).toContain('Kontaktperson');
    expect(karin).toContain('Farsta');
    expect(karin).toContain('Ja');
    await screenshot(page, 'samordnare-anvandare');

    await page.goto(`${base}/stadsdelar`);
    expect(await heading(page)).toBe('Stadsdelar');
    expect(await page.getByRole('row').count()).toBe(15);
    expect(await rowText(page, /^Farsta/)).toContain('Saknar kontaktperson');
    // Bromma's list offers Bromma's contacts only; a forged choice is refused by the service, next to the select.
    const karinId = await page
      .locator('#stadsdel-farsta')
      .getByLabel('Kontaktperson')
      .locator('option', { hasText: 'Karin Kontakt' })
      .getAttribute('value');
    expect(
      await page
        .locator('#stadsdel-bromma')
        .getByLabel('Kontaktperson')
        .locator('option', { hasText: 'Karin Kontakt' })
        .count(),
    ).toBe(0);
    await page.locator('#f-bromma-contactUserId').evaluate((select, id) => {
      select.append(new Option('Karin Kontakt', id!));
      (select as HTMLSelectElement).value = id!;
    }, karinId);
    await page.getByRole('button', { name: 'Spara Bromma' }).click();
    await page.waitForLoadState();
    const brommaSelect = page.locator('#f-bromma-contactUserId');
    expect(await brommaSelect.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#f-bromma-contactUserId-error').textContent()).toContain(
      'Välj en aktiv kontaktperson i Bromma.',
    );
    expect(await alert(page)).toContain('Kontaktperson: Välj en aktiv kontaktperson i Bromma.');
    await accessible();

    await page
      .locator('#stadsdel-farsta')
      .getByLabel('Kontaktperson')
      .selectOption({ label: 'Karin Kontakt (karin.kontakt@farsta.example.se)' });
    expect(await submit(page.getByRole('button', { name: 'Spara Farsta' }))).toBe(200);
    expect(address(page)).toBe('/stadsdelar#stadsdel-farsta');
    expect(await confirmation(page)).toBe('Stadsdelen Farsta är sparad.');
    expect(await rowText(page, /^Farsta/)).toContain('Karin Kontakt');
    await accessible();
    await screenshot(page, 'samordnare-stadsdelar');

    // Deactivated, Karin is signed out and no longer Farsta's contact person.
    await page.goto(`${base}/anvandare`);
    expect(await submit(page.getByRole('button', { name: 'Inaktivera Karin Kontakt' }))).toBe(200);
    expect(await confirmation(page)).toBe('Användaren Karin Kontakt är inaktiverad och utloggad.');
    expect(await rowText(page, /Karin Kontakt/)).toContain('Nej, inaktiv');
    expect(await page.getByRole('button', { name: 'Aktivera Karin Kontakt' }).count()).toBe(1);
    await page.goto(`${base}/stadsdelar`);
    expect(await rowText(page, /^Farsta/)).toContain('Saknar kontaktperson');
  });

  it('shows the term report with the trend across terms as an SVG chart and a table, and serves both as CSV', async () => {
    await createTerm(t, admin, { code: 'VT2040', reportingDeadline: '2999-06-30' });
    await t.http().patch('/api/terms/HT2040').set(admin.auth).send({ status: 'reporting' }).expect(200);
    const anna = await createSupervisor(t, admin, district.bromma, {
      name: 'Anna Andersson',
      capacity: 2,
      trainingStatus: 'completed',
    });
    expect(
      (
        await createOffer(t, admin, 'HT2040', {
          districtId: district.bromma,
          unitName: 'Bromma barn och unga',
          field: 'children_youth',
          places: 3,
          supervisorIds: [anna.id],
        })
      ).status,
    ).toBe(201);

    await signIn(page, base, admin.email, admin.password);
    await page.goto(`${base}/uppfoljning?termin=HT2040`);
    expect(await heading(page)).toBe('Uppföljning HT2040');
    const figures = await page.locator('.figures').textContent();
    expect(figures).toMatch(/100\s*Mål/);
    expect(figures).toMatch(/3\s*Erbjudna platser/);
    expect(figures).toMatch(/2\s*Användbara platser/);
    expect(figures).toMatch(/98\s*Saknas till målet/);
    expect(figures).toMatch(/100 %\s*Handledare med handledarutbildning/);
    const bromma = (
      await page
        .getByRole('row', { name: /^Bromma/ })
        .locator('th, td')
        .allInnerTexts()
    ).map((text) => text.trim());
    expect(bromma.slice(0, 5)).toEqual(['Bromma', '3', '2', '0', 'I tid']);
    expect(await rowText(page, /^Farsta/)).toContain('Har inte rapporterat');
    expect(await rowText(page, /^Barn och unga/)).toContain('3');

    expect(await page.locator('svg.chart title').textContent()).toBe('Platser termin för termin');
    expect(await page.locator('svg.chart').getAttribute('role')).toBe('img');
    const trend = (
      await page
        .getByRole('row', { name: /^HT2040/ })
        .locator('th, td')
        .allInnerTexts()
    ).map((text) => text.trim());
    expect(trend.slice(0, 5)).toEqual(['HT2040', '100', '3', '2', '0']);
    expect(await page.getByRole('row', { name: /^VT2040/ }).count()).toBe(1);
    await accessible();
    await screenshot(page, 'samordnare-uppfoljning');

    const csvLink = await page.getByRole('link', { name: /Ladda ned uppföljningen för HT2040/ }).getAttribute('href');
    const csv = await page.request.get(`${base}${csvLink}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('section,item,measure,value');
    expect(lines).toContain('district,Bromma,offeredPlaces,3');
    const trendCsv = await page.request.get(
      `${base}${await page.getByRole('link', { name: /Ladda ned jämförelsen/ }).getAttribute('href')}`,
    );
    expect(trendCsv.headers()['content-type']).toMatch(/^text\/csv/);
    expect(await trendCsv.text()).toContain('HT2040,reporting,100,3,2,0,98');

    // On a phone the chart and the tables stay within the screen.
    await page.setViewportSize({ width: 375, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });

  it('lists the changes made in the audit log, narrows them by a filter and pages through them', async () => {
    await signIn(page, base, admin.email, admin.password);
    await page.goto(`${base}/logg`);
    expect(await heading(page)).toBe('Logg');
    const all = await page.locator('tbody').textContent();
    for (const action of [
      'Händelse skapad',
      'Händelse ändrad',
      'Närvaro registrerad',
      'Användare skapad',
      'Användare ändrad',
      'Stadsdel ändrad',
      'Plats skapad',
      'Termin skapad',
    ]) {
      expect(all).toContain(action);
    }
    expect(all).toContain('Test coordinator');
    // The test's users were made by the service directly, as the command line does: no one signed in.
    expect(all).toContain('Systemet');
    await accessible();
    await screenshot(page, 'samordnare-logg');

    await page.getByLabel('Typ av uppgift').selectOption({ label: 'Händelse' });
    await page.getByRole('button', { name: 'Visa', exact: true }).click();
    await page.waitForURL(/entityType=event/);
    const events = await page.locator('tbody').textContent();
    expect(events).toContain('Händelse ändrad');
    expect(events).not.toContain('Användare skapad');
    expect(events).not.toContain('Stadsdel ändrad');
    expect(await page.getByLabel('Typ av uppgift').inputValue()).toBe('event');
    const moved = await rowText(page, /Händelse ändrad.*location/);
    expect(moved).toContain('"Stadshuset" → "Kulturhuset, Sergels torg"');
    await accessible();

    await page.goto(`${base}/logg?entityType=event&limit=2`);
    expect(await page.getByRole('row').count()).toBe(3);
    expect(await page.getByRole('link', { name: 'Nyare' }).count()).toBe(0);
    await page.getByRole('link', { name: /Äldre/ }).click();
    await page.waitForURL(/offset=2/);
    expect(new URL(page.url()).searchParams.get('entityType')).toBe('event');
    expect(await page.getByRole('link', { name: /Nyare/ }).count()).toBe(1);

    const edited = await page.goto(`${base}/logg?limit=many`);
    expect(edited?.status()).toBe(400);
    expect(await alert(page)).toContain('Adressen till sidan är felaktig.');
  });

  it('shows the 403 page to a university coordinator on the coordinator’s pages', async () => {
    await signIn(page, base, suCoordinator.email, suCoordinator.password);
    for (const path of ['/anvandare', '/logg', '/uppfoljning', '/stadsdelar', '/handelser']) {
      const response = await page.goto(`${base}${path}`);
      expect(response?.status()).toBe(403);
      expect(await heading(page)).toBe('Du har inte behörighet till sidan');
    }
    await accessible();
  });
});
