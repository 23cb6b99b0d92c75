/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { Role } from '../../src/common/auth/role';
import { createOffer, createSupervisor, createTerm, moveTo } from '../factories/terms';
import { districtByCode, signedInUser, SignedInUser } from '../factories/users';
import { launchBrowser, screenshot, seriousViolations, signIn } from '../support/browser';
import { address, confirmation } from './forms';
import { startTestApp, TestApp } from '../support/test-app';

const HEADER = 'name,email,studentRef,field1,field2,field3,district1,district2,district3,needsExtraSupport';

describe('web: the university coordinator', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let page: Page;
  let coordinator: SignedInUser;
  let su: SignedInUser;
  let esb: SignedInUser;

  beforeAll(async () => {
    t = await startTestApp();
    base = await t.listen();
    browser = await launchBrowser();
    coordinator = await signedInUser(t, Role.Coordinator);
    su = await signedInUser(t, Role.UniversityCoordinator, { university: 'SU' });
    esb = await signedInUser(t, Role.UniversityCoordinator, { university: 'ESB' });
  });
  afterAll(async () => {
    await browser.close();
    await t.close();
  });
  beforeEach(async () => {
    page = await (await browser.newContext()).newPage();
    await signIn(page, base, su.email, su.password);
  });
  afterEach(() => page.context().close());

  /** Clicks a submit button and waits for the page the form leads to; its HTTP status. */
  async function submit(name: string | RegExp): Promise<number> {
    const [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name }).click()]);
    return response!.status();
  }

  async function expectAccessible(): Promise<void> {
    expect(await seriousViolations(page)).toEqual([]);
  }

  const studentsOf = async (user: SignedInUser, code: string) =>
    (await t.http().get(`/api/terms/${code}/students`).set(user.auth).expect(200)).body as {
      id: string;
      name: string;
      studentRef: string;
      fieldPreferences: string[];
      needsExtraSupport: boolean;
    }[];

  async function createStudent(
    user: SignedInUser,
    code: string,
    body: { name: string; studentRef: string; fieldPreferences?: string[] },
  ) {
    const response = await t
      .http()
      .post(`/api/terms/${code}/students`)
      .set(user.auth)
      .send({
        universityId: user.universityId,
        email: `${body.studentRef.toLowerCase()}@student.example.se`,
        fieldPreferences: ['children_youth'],
        ...body,
      });
    if (response.status !== 201)
      throw new Error(`student not created: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body as { id: string };
  }

  async function upload(csv: string, code: string): Promise<number> {
    await page.goto(`${base}/studenter?termin=${code}`);
    await page
      .getByLabel('CSV-fil', { exact: true })
      .setInputFiles({ name: 'studenter.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    return submit('Importera studenterna');
  }

  /** The rows of the table of problems, as [row, column, message]. */
  async function problemRows(): Promise<string[][]> {
    const table = page.getByRole('table', { name: 'Rader som behöver rättas' });
    return table
      .locator('tbody tr')
      .evaluateAll((rows) =>
        rows.map((row) =>
          Array.from(row.querySelectorAll('th, td')).map((cell) =>
            (cell.textContent ?? '').replace(/\s+/g, ' ').trim(),
          ),
        ),
      );
  }

  it('states the demand, adds a student (errors shown next to the fields, input kept) and changes one', async () => {
    const term = await createTerm(t, coordinator);

    await page.goto(`${base}/behov?termin=${term.code}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Behov av VFU-platser');
    await expectAccessible();
    await page.getByLabel('Antal studenter på termin fem').fill('3');
    expect(await submit('Spara behovet')).toBe(200);
    expect(address(page)).toBe(`/behov?termin=${term.code}`);
    expect(await confirmation(page)).toBe(`Behovet för ${term.code} är sparat: 3 studenter.`);
    expect(await page.getByLabel('Antal studenter på termin fem').inputValue()).toBe('3');
    expect(await page.locator('.figure').first().textContent()).toMatch(/3\s+Studenter i ert behov/);
    const demand = (await t.http().get(`/api/terms/${term.code}/demand`).set(su.auth).expect(200)).body;
    expect(demand).toEqual([expect.objectContaining({ code: 'SU', requestedPlaces: 3 })]);
    await screenshot(page, 'larosate-behov');

    await page.goto(`${base}/studenter?termin=${term.code}`);
    await expectAccessible();
    await page.getByLabel('Namn', { exact: true }).fill('Ada Svensson');
    await page.getByLabel('E-postadress').fill('ada-at-student.su.se');
    await page.getByLabel('Lärosätets referens').fill('19990101-1234');
    await page.getByLabel('Verksamhetsområde i första hand').selectOption({ label: 'Barn och unga' });
    await page.getByLabel('Stadsdel i första hand').selectOption({ label: 'Bromma' });
    await page.getByLabel('Södermalm').check();
    await page.getByLabel('Språk').fill('arabiska, engelska');
    await page.getByLabel('Studenten behöver extra stöd under VFU').check();
    expect(await submit('Lägg till studenten')).toBe(400);

    expect(await page.locator('#f-email-error').textContent()).toContain('Ange en giltig e-postadress.');
    expect(await page.locator('#f-studentRef-error').textContent()).toContain(
      'Personnummer får inte användas; ange lärosätets egen referens.',
    );
    expect(await page.getByLabel('E-postadress').getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('alert').textContent()).toContain('E-postadress: Ange en giltig e-postadress.');
    expect(await page.getByLabel('Namn', { exact: true }).inputValue()).toBe('Ada Svensson');
    expect(await page.getByLabel('E-postadress').inputValue()).toBe('ada-at-student.su.se');
    expect(await page.getByLabel('Verksamhetsområde i första hand').inputValue()).toBe('children_youth');
    expect(await page.getByLabel('Södermalm').isChecked()).toBe(true);
    expect(await page.getByLabel('Språk').inputValue()).toBe('arabiska, engelska');
    expect(await page.getByLabel('Studenten behöver extra stöd under VFU').isChecked()).toBe(true);
    await expectAccessible();
    expect(await studentsOf(su, term.code)).toEqual([]);

    await page.getByLabel('E-postadress').fill('ada.svensson@student.su.se');
    await page.getByLabel('Lärosätets referens').fill('SU-2026-001');
    expect(await submit('Lägg till studenten')).toBe(200);
    expect(address(page)).toBe(`/studenter?termin=${term.code}`);
    expect(await confirmation(page)).toBe(`Studenten Ada Svensson är tillagd för ${term.code}.`);
    const row = page.getByRole('row', { name: /Ada Svensson/ });
    expect((await row.textContent())!.replace(/\s+/g, ' ')).toMatch(
      /ada\.svensson@student\.su\.se SU-2026-001 1\. Barn och unga 1\. Bromma Ja/,
    );
    await expectAccessible();
    await screenshot(page, 'larosate-studenter');

    await page.getByRole('link', { name: 'Ändra Ada Svensson' }).click();
    await page.waitForURL(/\/studenter\/[0-9a-f-]{36}$/);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Ändra Ada Svensson');
    expect(await page.getByLabel('Stadsdel i första hand').inputValue()).not.toBe('');
    expect(await page.getByLabel('Södermalm').isChecked()).toBe(true);
    await expectAccessible();
    await page.getByLabel('Verksamhetsområde i andra hand').selectOption({ label: 'Barn och unga' });
    expect(await submit('Spara ändringarna')).toBe(400);
    expect(await page.locator('#f-field2-error').textContent()).toContain(
      'Samma verksamhetsområde får inte väljas två gånger.',
    );
    await page.getByLabel('Verksamhetsområde i andra hand').selectOption({ label: 'Äldreomsorg' });
    await page.getByLabel('Studenten behöver extra stöd under VFU').uncheck();
    expect(await submit('Spara ändringarna')).toBe(200);
    expect(address(page)).toBe(`/studenter?termin=${term.code}`);
    expect(await confirmation(page)).toBe('Studenten Ada Svensson är sparad.');
    expect((await page.getByRole('row', { name: /Ada Svensson/ }).textContent())!.replace(/\s+/g, ' ')).toMatch(
      /1\. Barn och unga 2\. Äldreomsorg 1\. Bromma Nej/,
    );
    expect(await studentsOf(su, term.code)).toEqual([
      expect.objectContaining({
        name: 'Ada Svensson',
        fieldPreferences: ['children_youth', 'elderly'],
        needsExtraSupport: false,
      }),
    ]);

    page.once('dialog', (dialog) => void dialog.accept());
    expect(await submit('Ta bort Ada Svensson')).toBe(200);
    expect(await confirmation(page)).toBe(`Studenten Ada Svensson är borttagen från ${term.code}.`);
    expect(await studentsOf(su, term.code)).toEqual([]);
  });

  it('shows the service’s refusal when the term has moved past reporting, and keeps the number typed', async () => {
    const term = await createTerm(t, coordinator, {}, 'allocating');
    await page.goto(`${base}/behov?termin=${term.code}`);
    await page.getByLabel('Antal studenter på termin fem').fill('7');
    expect(await submit('Spara behovet')).toBe(409);
    expect(await page.getByRole('alert').textContent()).toContain(
      'Behovet kan inte längre ändras för terminen. Kontakta den centrala samordnaren.',
    );
    expect(await page.getByLabel('Antal studenter på termin fem').inputValue()).toBe('7');
    await expectAccessible();
  });

  it('explains every bad row of a CSV file in place and imports nothing; then imports a good file', async () => {
    const term = await createTerm(t, coordinator);
    const good = [
      'Bo Berg,bo.berg@student.su.se,SU-CSV-1,Barn och unga,,,Bromma,,,nej',
      'Cia Ek,cia.ek@student.su.se,SU-CSV-2,missbruk,Äldreomsorg,,,,,ja',
    ];
    const bad = [
      'Dan Dahl,dan.dahl@student.su.se,SU-CSV-3,Trädgård,,,,,,nej',
      'Eva Ny,inte-en-adress,SU-CSV-4,elderly,,,,,,nej',
    ];

    expect(await upload([HEADER, ...good, ...bad].join('\n'), term.code)).toBe(400);
    expect(await problemRows()).toEqual([
      ['4', 'field1 (verksamhetsområde 1)', '"Trädgård" är inget känt verksamhetsområde.'],
      ['5', 'email (e-post)', 'Ange en giltig e-postadress.'],
    ]);
    expect(await page.getByRole('alert').textContent()).toContain(
      'Inget importerades: 2 rader i filen behöver rättas.',
    );
    await expectAccessible();
    await screenshot(page, 'larosate-import-fel');
    expect(await studentsOf(su, term.code)).toEqual([]);

    // Semicolons, as a Swedish spreadsheet program saves the file.
    expect(await upload([HEADER, ...good].join('\r\n').replaceAll(',', ';'), term.code)).toBe(200);
    expect(address(page)).toBe(`/studenter?termin=${term.code}`);
    expect(await confirmation(page)).toBe(`2 studenter från filen är tillagda för ${term.code}.`);
    expect((await page.getByRole('row', { name: /Bo Berg/ }).textContent())!.replace(/\s+/g, ' ')).toContain(
      'SU-CSV-1 1. Barn och unga 1. Bromma Nej',
    );
    expect((await page.getByRole('row', { name: /Cia Ek/ }).textContent())!.replace(/\s+/g, ' ')).toContain(
      '1. Missbruk 2. Äldreomsorg',
    );
    expect((await studentsOf(su, term.code)).map((s) => s.studentRef).sort()).toEqual(['SU-CSV-1', 'SU-CSV-2']);
    await expectAccessible();
  });

  it('lists studentRefs already registered the same way, and imports nothing', async () => {
    const term = await createTerm(t, coordinator);
    await createStudent(su, term.code, { name: 'Bo Berg', studentRef: 'SU-CSV-1' });

    const csv = [
      HEADER,
      'Fredrik Ny,fredrik@student.su.se,SU-CSV-9,elderly,,,,,,nej',
      'Bo Berg,bo.berg@student.su.se,SU-CSV-1,Barn och unga,,,,,,nej',
    ].join('\n');
    expect(await upload(csv, term.code)).toBe(409);
    expect(await problemRows()).toEqual([
      ['3', 'studentRef (lärosätets referens)', `SU-CSV-1 är redan registrerad för ${term.code}.`],
    ]);
    expect(await page.getByRole('alert').textContent()).toContain('Inget importerades: en rad i filen behöver rättas.');
    expect((await studentsOf(su, term.code)).map((s) => s.studentRef)).toEqual(['SU-CSV-1']);
    await expectAccessible();
  });

  it('refuses a file over 2 MB next to the file field', async () => {
    const term = await createTerm(t, coordinator);
    const row = 'Bo Berg,bo.berg@student.su.se,SU-CSV-1,Barn och unga,,,Bromma,,,nej\n';
    expect(await upload(HEADER + '\n' + row.repeat(Math.ceil((2 * 1024 * 1024) / row.length) + 1), term.code)).toBe(
      413,
    );
    expect(await page.locator('#f-file-error').textContent()).toContain('Filen är större än 2 MB.');
    expect(await studentsOf(su, term.code)).toEqual([]);
  });

  it('shows where each student is placed and with whom, with the same rows as a CSV download', async () => {
    const term = await createTerm(t, coordinator);
    const bromma = await districtByCode(t, 'bromma');
    const supervisor = await createSupervisor(t, coordinator, bromma.id, { name: 'Hanna Handledare' });
    const offer = await createOffer(t, coordinator, term.code, {
      districtId: bromma.id,
      unitName: 'Bromma barn och unga',
      field: 'children_youth',
      places: 1,
      supervisorIds: [supervisor.id],
    });
    expect(offer.status).toBe(201);
    await t
      .http()
      .put(`/api/terms/${term.code}/demand/${su.universityId}`)
      .set(su.auth)
      .send({ requestedPlaces: 2 })
      .expect(200);
    const placed = await createStudent(su, term.code, { name: 'Fia Placerad', studentRef: 'SU-P-1' });
    await createStudent(su, term.code, { name: 'Gus Oplacerad', studentRef: 'SU-P-2', fieldPreferences: ['elderly'] });
    await moveTo(t, coordinator, term.code, 'allocating');
    await t
      .http()
      .post(`/api/terms/${term.code}/assignments`)
      .set(coordinator.auth)
      .send({ studentId: placed.id, offerId: offer.body.id, supervisorId: supervisor.id })
      .expect(201);

    await page.goto(`${base}/placeringar?termin=${term.code}`);
    const row = (await page.getByRole('row', { name: /Fia Placerad/ }).textContent())!.replace(/\s+/g, ' ');
    expect(row).toContain('Fia Placerad Bromma Bromma barn och unga Barn och unga Hanna Handledare');
    expect(row).toMatch(/hanna\.handledare\.[0-9a-f]+@stad\.example\.se Utkast/);
    expect(await page.getByRole('row', { name: /Gus Oplacerad/ }).textContent()).toContain('Äldreomsorg');
    await expectAccessible();
    await screenshot(page, 'larosate-placeringar');

    const csv = await page.request.get(`${base}/placeringar.csv?termin=${term.code}`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers()['content-disposition']).toMatch(
      new RegExp(`^attachment; filename="?placeringar-${term.code}\\.csv"?$`),
    );
    const lines = (await csv.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(lines[0]).toBe(
      'id,studentId,studentName,universityId,offerId,districtId,unitName,field,supervisorId,supervisorName,supervisorEmail,status,cost',
    );
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(
      `${placed.id},Fia Placerad,${su.universityId},${offer.body.id},${bromma.id},Bromma barn och unga,children_youth,${supervisor.id},Hanna Handledare`,
    );

    await page.goto(`${base}/behov?termin=${term.code}`);
    const figures = (await page.locator('.figures').textContent())!.replace(/\s+/g, ' ');
    expect(figures).toContain('2 Studenter i ert behov');
    expect(figures).toContain('1 Platser i er kvot');
    expect(figures).toContain('1 Placerade studenter');
  });

  it('reports a year of supervisor training, and replaces it when the year is reported again', async () => {
    await page.goto(`${base}/handledarutbildning`);
    await expectAccessible();
    await page.getByLabel('År', { exact: true }).fill('2030');
    await page.getByLabel(/erbjudits handledarutbildning/).fill('12');
    await page.getByLabel(/inte kunde få plats/).fill('-1');
    await page.getByLabel('Sammanfattning av utvärderingen').fill('Kursen fick gott betyg.');
    expect(await submit('Spara rapporten')).toBe(400);
    expect(await page.locator('#f-notAdmitted-error').textContent()).toContain('Ange minst 0.');
    expect(await page.getByLabel(/erbjudits handledarutbildning/).inputValue()).toBe('12');
    await page.getByLabel(/inte kunde få plats/).fill('3');
    expect(await submit('Spara rapporten')).toBe(200);
    expect(await confirmation(page)).toBe('Rapporten för 2030 är sparad.');
    expect((await page.getByRole('row', { name: /2030/ }).textContent())!.replace(/\s+/g, ' ')).toContain(
      '2030 12 3 Kursen fick gott betyg.',
    );

    await page.getByLabel('År', { exact: true }).fill('2030');
    await page.getByLabel(/erbjudits handledarutbildning/).fill('15');
    await page.getByLabel(/inte kunde få plats/).fill('0');
    await page.getByLabel('Sammanfattning av utvärderingen').fill('Fler platser i år.');
    expect(await submit('Spara rapporten')).toBe(200);
    expect(await confirmation(page)).toBe(
      'Året 2030 var redan rapporterat: den tidigare rapporten är ersatt med den nya.',
    );
    const rows = page.getByRole('row', { name: /2030/ });
    expect(await rows.count()).toBe(1);
    expect((await rows.textContent())!.replace(/\s+/g, ' ')).toContain('2030 15 0 Fler platser i år.');
    await expectAccessible();
    await screenshot(page, 'larosate-handledarutbildning');
  });

  it('cannot open another university’s student', async () => {
    const term = await createTerm(t, coordinator);
    const theirs = await createStudent(esb, term.code, { name: 'Hedda Annan', studentRef: 'ESB-1' });
    const response = await page.goto(`${base}/studenter/${theirs.id}`);
    expect(response!.status()).toBe(403);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Du har inte behörighet till sidan');
    expect(await page.content()).not.toContain('Hedda Annan');
    await expectAccessible();
  });

  it('works on a phone-sized screen', async () => {
    const term = await createTerm(t, coordinator);
    await page.setViewportSize({ width: 375, height: 740 });
    for (const path of ['behov', 'studenter', 'placeringar', 'handledarutbildning']) {
      await page.goto(`${base}/${path}?termin=${term.code}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    }
  });
});
