/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { Role } from '../../src/common/auth/role';
import { createOffer, createSupervisor, createTerm, moveTo, uniqueTermCode } from '../factories/terms';
import { districtByCode, signedInUser, SignedInUser, universityByCode } from '../factories/users';
import { launchBrowser, screenshot, seriousViolations, signIn } from '../support/browser';
import { address, confirmation, submit } from './forms';
import { startTestApp, TestApp } from '../support/test-app';

const heading = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
const rowText = (page: Page, name: string | RegExp) => page.getByRole('row', { name }).textContent();
const alert = (page: Page) => page.getByRole('alert').textContent();
/** The texts of a table row's cells, the first (the row's header) included. */
const cells = async (page: Page, name: RegExp) =>
  (await page.getByRole('row', { name }).locator('th, td').allInnerTexts()).map((text) => text.trim());

describe('web: the coordinator’s term pages', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let page: Page;
  let admin: SignedInUser;
  const district: Record<string, string> = {};
  const university: Record<string, string> = {};

  const accessible = async (on: Page = page) => expect(await seriousViolations(on)).toEqual([]);

  beforeAll(async () => {
    t = await startTestApp();
    base = await t.listen();
    browser = await launchBrowser();
    admin = await signedInUser(t, Role.Coordinator);
    for (const code of ['bromma', 'farsta', 'sodermalm']) district[code] = (await districtByCode(t, code)).id;
    for (const code of ['SU', 'ESB', 'SH']) university[code] = (await universityByCode(t, code)).id;
    // Farsta has a contact person to remind; the other districts have none.
    const farstaContact = await signedInUser(t, Role.DistrictContact, { district: 'farsta' });
    await t
      .http()
      .patch(`/api/districts/${district.farsta}`)
      .set(admin.auth)
      .send({ contactUserId: farstaContact.id })
      .expect(200);
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
  afterEach(() => page.context().close());

  it('creates a term through the form, reads its dashboard, overrides and restores a quota, reminds the districts and moves the status on', async () => {
    const earlier = await createTerm(t, admin);
    await signIn(page, base, admin.email, admin.password);
    await page.goto(`${base}/terminer`);
    expect(await heading(page)).toBe('Terminer');
    expect(await rowText(page, new RegExp(earlier.code))).toContain('Planering');
    await accessible();
    await screenshot(page, 'samordnare-terminer');

    // An end before the start: refused by the service's rule, shown next to that date, everything kept.
    const code = uniqueTermCode();
    const su = page.getByRole('group', { name: 'Stockholms universitet' });
    const esb = page.getByRole('group', { name: 'Ersta Sköndal Bräcke högskola' });
    await page.getByLabel('Terminskod').fill(code.toLowerCase());
    expect(await page.getByLabel('Mål (antal platser)').inputValue()).toBe('100');
    await page.getByLabel('Sista dag för rapportering').fill('2999-06-30');
    await su.getByLabel('Första dagen').fill('3000-08-31');
    await su.getByLabel('Sista dagen').fill('3000-08-01');
    await esb.getByLabel('Första dagen').fill('3000-09-07');
    await esb.getByLabel('Sista dagen').fill('3001-01-15');
    await page.getByRole('button', { name: 'Lägg upp terminen' }).click();
    await page.waitForLoadState();
    const suEnd = su.getByLabel('Sista dagen');
    expect(await suEnd.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await suEnd.getAttribute('aria-describedby'))!.split(' ').pop()!;
    expect(await page.locator(`[id="${errorId}"]`).textContent()).toContain(
      'Slutdatumet måste komma efter startdatumet, 31 augusti 3000.',
    );
    expect(await alert(page)).toContain(
      'Sista dagen, Stockholms universitet: Slutdatumet måste komma efter startdatumet, 31 augusti 3000.',
    );
    expect(await page.getByLabel('Terminskod').inputValue()).toBe(code);
    expect(await page.getByLabel('Sista dag för rapportering').inputValue()).toBe('2999-06-30');
    expect(await suEnd.inputValue()).toBe('3000-08-01');
    expect(await esb.getByLabel('Sista dagen').inputValue()).toBe('3001-01-15');
    await accessible();

    await suEnd.fill('3001-01-17');
    expect(await submit(page.getByRole('button', { name: 'Lägg upp terminen' }))).toBe(200);
    expect(address(page)).toBe(`/terminer/${code}`);
    expect(await confirmation(page)).toBe(`Terminen ${code} är upplagd.`);
    const term = (await t.http().get(`/api/terms/${code}`).set(admin.auth).expect(200)).body;
    expect(term).toMatchObject({ targetPlaces: 100, reportingDeadline: '2999-06-30', status: 'planning' });
    // The university left without dates got no period.
    expect(term.periods.map((p: { universityId: string }) => p.universityId).sort()).toEqual(
      [university.SU, university.ESB].sort(),
    );

    // Bromma reports two places; the others have not reported.
    const supervisors = [
      await createSupervisor(t, admin, district.bromma, { capacity: 2, trainingStatus: 'completed' }),
    ];
    const offer = await createOffer(t, admin, code, {
      districtId: district.bromma,
      unitName: 'Barn och familj Bromma',
      field: 'children_youth',
      places: 2,
      supervisorIds: supervisors.map((s) => s.id),
    });
    expect(offer.status).toBe(201);
    await page.goto(`${base}/terminer/${code}`);
    expect(await heading(page)).toBe(`Terminsöversikt ${code}`);
    const chart = page.locator('svg.chart');
    expect(await chart.locator('title').textContent()).toBe(`Användbara platser per stadsdel, ${code}`);
    const chartText = await chart.textContent();
    expect(chartText).toContain('Farsta');
    expect(await chart.locator('text', { hasText: '(har inte rapporterat)' }).count()).toBe(13);
    expect(await chart.locator('text', { hasText: /^2 platser$/ }).count()).toBe(1);
    expect(await rowText(page, /^Farsta/)).toContain('Nej, har inte rapporterat');
    expect((await cells(page, /^Bromma/)).slice(0, 4)).toEqual(['Bromma', 'Ja', '2', '2']);
    expect(await page.locator('.figure', { hasText: 'Användbara platser' }).textContent()).toContain('2');
    expect(await page.locator('.figure', { hasText: 'Saknas till målet' }).textContent()).toContain('98');
    expect(await page.locator('.figure', { hasText: 'handledarutbildning' }).textContent()).toContain('100 %');
    await accessible();

    // A quota: a bad value is refused next to the field, a good one is kept until restored.
    const quota = page.getByLabel('Ny kvot för Stockholms universitet');
    await quota.fill('-1');
    await page.getByRole('button', { name: 'Spara kvoten för Stockholms universitet' }).click();
    await page.waitForLoadState();
    expect(await alert(page)).toContain('Ny kvot: Ange minst 0.');
    expect(await page.getByLabel('Ny kvot för Stockholms universitet').inputValue()).toBe('-1');
    await accessible();
    await page.getByLabel('Ny kvot för Stockholms universitet').fill('7');
    expect(await submit(page.getByRole('button', { name: 'Spara kvoten för Stockholms universitet' }))).toBe(200);
    expect(address(page)).toBe(`/terminer/${code}#kvoter`);
    expect(await confirmation(page)).toBe('Kvoten för Stockholms universitet är satt till 7 platser.');
    expect((await cells(page, /^Stockholms universitet/)).slice(0, 5)).toEqual([
      'Stockholms universitet',
      '0',
      '7',
      'Ja',
      '0',
    ]);
    expect(await submit(page.getByRole('button', { name: 'Återställ beräknad kvot för Stockholms universitet' }))).toBe(
      200,
    );
    expect(await confirmation(page)).toBe('Kvoten för Stockholms universitet är återställd till den beräknade.');
    expect((await cells(page, /^Stockholms universitet/)).slice(0, 5)).toEqual([
      'Stockholms universitet',
      '0',
      '0',
      'Nej',
      '0',
    ]);
    expect(await page.getByRole('button', { name: /Återställ beräknad kvot/ }).count()).toBe(0);

    // Reminders go out while the term is reporting: refused in Swedish before, sent after.
    await page.getByRole('button', { name: 'Skicka påminnelse' }).click();
    await page.waitForLoadState();
    expect(await alert(page)).toContain('Påminnelser skickas medan terminen är i rapportering.');
    expect(await submit(page.getByRole('button', { name: 'Gå vidare till rapportering' }))).toBe(200);
    expect(address(page)).toBe(`/terminer/${code}`);
    expect(await confirmation(page)).toBe(
      `Terminen ${code} är nu i läget rapportering, och kontaktpersonerna får e-post om att rapportera sina platser.`,
    );
    expect(await page.getByText('Läge:').first().textContent()).toContain('Rapportering');
    await page.getByRole('button', { name: 'Skicka påminnelse' }).click();
    await page.waitForLoadState();
    const result = page.locator('#paminnelser-resultat');
    expect(await result.locator('ul').first().textContent()).toContain('Farsta');
    expect(await result.locator('ul').nth(1).textContent()).toContain('Älvsjö');
    expect(await result.textContent()).not.toContain('Bromma');
    const reminded = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications WHERE template = 'reporting-reminder'`,
    );
    expect(reminded[0].n).toBe(1);
    await accessible();
    await screenshot(page, 'samordnare-terminsoversikt');

    // A status that is not the next one is refused with the reason in Swedish.
    await page.locator('input[name="status"]').evaluate((input) => ((input as HTMLInputElement).value = 'published'));
    await page.getByRole('button', { name: 'Gå vidare till fördelning' }).click();
    await page.waitForLoadState();
    expect(await alert(page)).toContain('Terminen kan bara gå ett steg i taget');
    await page.goto(`${base}/terminer/${code}`);
    expect(await submit(page.getByRole('button', { name: 'Gå vidare till fördelning' }))).toBe(200);
    expect(await confirmation(page)).toBe(`Terminen ${code} är nu i läget fördelning.`);
    expect(await page.getByText('Läge:').first().textContent()).toContain('Fördelning');
    // Publishing is its own step, on the placements page.
    expect(await page.getByRole('button', { name: /Gå vidare/ }).count()).toBe(0);
    expect(await page.getByText('Nästa steg är att publicera placeringarna').count()).toBe(1);

    // On a phone the page does not scroll sideways.
    await page.setViewportSize({ width: 375, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });

  it('runs an allocation, applies it, adjusts it by hand, offers only places with room, refuses one taken meanwhile in Swedish, and publishes', async () => {
    // Bromma: one children-and-youth place (supervisor A); Södermalm: two elderly places (C takes two).
    // Anna wants Bromma and gets it; Bertil wants the same field but the place is taken; David's field is offered nowhere.
    const term = await createTerm(t, admin, {}, 'reporting');
    const a = await createSupervisor(t, admin, district.bromma, { name: 'Alva Handledare' });
    const c = await createSupervisor(t, admin, district.sodermalm, { name: 'Cornelia Handledare', capacity: 2 });
    await createOffer(t, admin, term.code, {
      districtId: district.bromma,
      unitName: 'Enhet Barn',
      field: 'children_youth',
      places: 1,
      supervisorIds: [a.id],
    });
    const elderly = (
      await createOffer(t, admin, term.code, {
        districtId: district.sodermalm,
        unitName: 'Enhet Äldre',
        field: 'elderly',
        places: 2,
        supervisorIds: [c.id],
      })
    ).body.id as string;
    await t
      .http()
      .put(`/api/terms/${term.code}/demand/${university.SU}`)
      .set(admin.auth)
      .send({ requestedPlaces: 4 })
      .expect(200);
    const student: Record<string, string> = {};
    for (const [name, fields, districts] of [
      ['Anna Berg', ['children_youth'], [district.bromma]],
      ['Bertil Ek', ['children_youth'], []],
      ['Cecilia Ström', ['elderly'], []],
      ['David Lind', ['disability'], []],
    ] as const) {
      const response = await t
        .http()
        .post(`/api/terms/${term.code}/students`)
        .set(admin.auth)
        .send({
          universityId: university.SU,
          name,
          email: `${name.split(' ')[0].toLowerCase()}@student.example.se`,
          studentRef: `SU-${name.split(' ')[0]}`,
          fieldPreferences: fields,
          districtPreferences: districts,
        })
        .expect(201);
      student[name] = response.body.id;
    }
    await moveTo(t, admin, term.code, 'allocating');

    await signIn(page, base, admin.email, admin.password);
    await page.goto(`${base}/terminer/${term.code}`);
    expect(await submit(page.getByRole('button', { name: 'Starta fördelning' }))).toBe(200);
    expect(address(page)).toMatch(new RegExp(`^/terminer/${term.code}/fordelning/[0-9a-f-]{36}$`));
    expect(await confirmation(page)).toBe(`Fördelningen för ${term.code} är startad.`);
    // The page reloads itself every 2 s until the job is done.
    await page.getByRole('heading', { name: 'Resultat' }).waitFor({ timeout: 30_000 });
    expect(await heading(page)).toBe(`Fördelning ${term.code}`);
    expect(await page.locator('.figure', { hasText: 'Placerade studenter' }).textContent()).toContain('2');
    expect(await rowText(page, /^David Lind/)).toContain('Ingen plats i studentens områden');
    expect(await rowText(page, /^Bertil Ek/)).toContain('Alla passande platser är tagna');
    expect(await cells(page, /^Anna Berg/)).toEqual([
      'Anna Berg',
      'SU',
      'Bromma',
      'Enhet Barn',
      'Barn och unga',
      'Alva Handledare',
      '0',
    ]);
    expect(await cells(page, /^Stockholms universitet/)).toEqual(['Stockholms universitet', '3', '2']);
    expect(await page.locator('meta[http-equiv="refresh"]').count()).toBe(0);
    await accessible();
    await screenshot(page, 'samordnare-fordelning');

    expect(await submit(page.getByRole('button', { name: 'Inför förslaget' }))).toBe(200);
    expect(address(page)).toBe(`/terminer/${term.code}/placeringar`);
    expect(await confirmation(page)).toBe(`Förslaget är infört: 2 placeringar för ${term.code}, som utkast.`);
    expect(await heading(page)).toBe(`Placeringar ${term.code}`);
    expect(await page.getByRole('table').getByRole('row').count()).toBe(3);
    expect((await cells(page, /^Cecilia Ström/)).slice(0, 7)).toEqual([
      'Cecilia Ström',
      'SU',
      'Södermalm',
      'Enhet Äldre',
      'Äldreomsorg',
      'Cornelia Handledare',
      'Utkast',
    ]);

    // Out and back in by hand.
    expect(await submit(page.getByRole('button', { name: 'Ta bort placeringen för Cecilia Ström' }))).toBe(200);
    expect(await confirmation(page)).toBe('Placeringen för Cecilia Ström är borttagen.');
    expect(await page.getByRole('row', { name: /^Cecilia Ström/ }).count()).toBe(0);
    await page.getByLabel('Student', { exact: true }).selectOption(student['Cecilia Ström']);
    await page.getByLabel('Plats', { exact: true }).selectOption(elderly);
    await page.getByLabel('Handledare', { exact: true }).selectOption(c.id);
    expect(await submit(page.getByRole('button', { name: 'Placera studenten' }))).toBe(200);
    expect(address(page)).toBe(`/terminer/${term.code}/placeringar`);
    expect(await confirmation(page)).toBe(
      'Cecilia Ström är placerad på Enhet Äldre med Cornelia Handledare som handledare.',
    );
    expect(await rowText(page, /^Cecilia Ström/)).toContain('Enhet Äldre');

    // Bromma's one place is taken, so the form does not offer it; Södermalm's last place is.
    const offered = () =>
      page.locator('#f-offerId option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(await offered()).toEqual([elderly]);
    const group = await page.locator('#f-supervisorId optgroup').first().getAttribute('label');
    expect(group).toMatch(/ – .* – /);
    // Another coordinator takes that place while the form is open: the service's 409 in Swedish above
    // the form, and the place no longer offered: nothing is left to choose.
    await page.getByLabel('Student', { exact: true }).selectOption(student['Bertil Ek']);
    await page.getByLabel('Plats', { exact: true }).selectOption(elderly);
    await page.getByLabel('Handledare', { exact: true }).selectOption(c.id);
    const meanwhile = await t
      .http()
      .post(`/api/terms/${term.code}/assignments`)
      .set(admin.auth)
      .send({ studentId: student['David Lind'], offerId: elderly, supervisorId: c.id })
      .expect(201);
    await page.getByRole('button', { name: 'Placera studenten' }).click();
    await page.waitForLoadState();
    expect(await alert(page)).toContain('Platsen är full.');
    expect(await offered()).toEqual([]);
    expect(await page.getByText('Ingen plats har något ledigt').count()).toBe(1);
    await t.http().delete(`/api/assignments/${meanwhile.body.id}`).set(admin.auth).expect(204);
    await page.goto(`${base}/terminer/${term.code}/placeringar`);
    await accessible();
    await screenshot(page, 'samordnare-placeringar');

    const csv = await page.request.get(`${base}/terminer/${term.code}/placeringar.csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toContain('text/csv');
    expect(await csv.text()).toContain('Cecilia Ström');

    expect(await submit(page.getByRole('button', { name: 'Publicera' }))).toBe(200);
    expect(address(page)).toBe(`/terminer/${term.code}/placeringar`);
    const queued = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications WHERE template IN ('placements-district', 'placements-university', 'placement-supervisor')`,
    );
    expect(queued[0].n).toBeGreaterThanOrEqual(2);
    expect(await confirmation(page)).toBe(
      `2 placeringar för ${term.code} är publicerade. ${queued[0].n} e-postmeddelanden till kontaktpersoner, lärosäten och handledare ligger i kö för att skickas.`,
    );
    expect(await page.getByText('Läge:').first().textContent()).toContain('Publicerad');
    expect(await rowText(page, /^Anna Berg/)).toContain('Publicerad');
    expect((await t.http().get(`/api/terms/${term.code}`).set(admin.auth)).body.status).toBe('published');
    await accessible();

    // The dashboard lists the run, applied.
    await page.goto(`${base}/terminer/${term.code}`);
    const run = await cells(page, /^\d+ \w+\.? \d{4} kl\./);
    expect(run.slice(1, 4)).toEqual(['Klar', '2', '3']);
    expect(run[4]).toMatch(/kl\./);
  });

  it('shows the 403 page to a district contact and a university coordinator', async () => {
    const term = await createTerm(t, admin);
    for (const user of [
      await signedInUser(t, Role.DistrictContact, { district: 'bromma' }),
      await signedInUser(t, Role.UniversityCoordinator, { university: 'SU' }),
    ]) {
      const own = await (await browser.newContext()).newPage();
      await signIn(own, base, user.email, user.password);
      for (const path of [`/terminer/${term.code}`, '/terminer', `/terminer/${term.code}/placeringar`]) {
        const response = await own.goto(`${base}${path}`);
        expect(response?.status()).toBe(403);
        expect(await heading(own)).toBe('Du har inte behörighet till sidan');
      }
      await accessible(own);
      await own.context().close();
    }
  });
});
