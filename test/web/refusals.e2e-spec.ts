/// <reference lib="dom" />
import type { Browser, Page } from 'playwright-core';
import { Role } from '../../src/common/auth/role';
import { createOffer, createSupervisor, createTerm } from '../factories/terms';
import { districtByCode, signedInUser, SignedInUser } from '../factories/users';
import { launchBrowser, signIn } from '../support/browser';
import { startTestApp, TestApp } from '../support/test-app';

/** The catalogue's Swedish on a page: names, Swedish field names and plurals, never codes or ids. */
describe('web: refusals in Swedish from the error catalogue', () => {
  let t: TestApp;
  let base: string;
  let browser: Browser;
  let page: Page;
  let admin: SignedInUser;
  let contact: SignedInUser;
  let bromma: string;

  beforeAll(async () => {
    t = await startTestApp();
    base = await t.listen();
    browser = await launchBrowser();
    admin = await signedInUser(t, Role.Coordinator);
    contact = await signedInUser(t, Role.DistrictContact, { district: 'bromma' });
    bromma = (await districtByCode(t, 'bromma')).id;
  });
  afterAll(async () => {
    await browser.close();
    await t.close();
  });
  beforeEach(async () => {
    page = await (await browser.newContext()).newPage();
    await signIn(page, base, contact.email, contact.password);
  });
  afterEach(async () => {
    await page.context().close();
  });

  const addOffer = async (code: string, unitName: string, field: string, places: number, supervisors: RegExp[]) => {
    await page.goto(`${base}/platser?termin=${code}`);
    await page.getByLabel('Enhet', { exact: true }).fill(unitName);
    await page.getByLabel('Verksamhetsområde').selectOption({ label: field });
    await page.getByLabel('Antal platser').fill(String(places));
    for (const name of supervisors) await page.getByRole('checkbox', { name }).check();
    await page.getByRole('button', { name: 'Lägg till plats' }).click();
    return (await page.getByRole('alert').textContent()) ?? '';
  };

  it('names the supervisors and the offers, in Swedish with Swedish field names and plurals, when supervisors are over-committed', async () => {
    const term = await createTerm(t, admin, {}, 'reporting');
    const ali = await createSupervisor(t, contact, bromma, { name: 'Ali Hassan', capacity: 2 });
    const maria = await createSupervisor(t, contact, bromma, { name: 'Maria Lind', capacity: 1 });
    const first = await createOffer(t, contact, term.code, {
      districtId: bromma,
      unitName: 'Enheten för unga vuxna',
      places: 2,
      supervisorIds: [ali.id, maria.id],
    });
    expect(first.status).toBe(201);

    const alert = await addOffer(term.code, 'Mottagningen', 'Barn och unga', 3, [/Ali Hassan/, /Maria Lind/]);
    expect(alert).toContain(
      `Handledarna räcker inte i ${term.code}: Ali Hassan och Maria Lind kan ta 3 studenter sammanlagt, ` +
        'men platserna Enheten för unga vuxna (Ekonomiskt bistånd) och Mottagningen (Barn och unga) behöver 5. ' +
        'Ange fler handledare, minska antalet platser eller höj kapaciteten.',
    );
    expect(alert).not.toMatch(/financial_assistance|children_youth|\(er\)/);
    // The input is kept for the next try.
    expect(await page.getByLabel('Enhet', { exact: true }).inputValue()).toBe('Mottagningen');
  });

  it('says one student in the singular, and names the unit of a duplicate offer', async () => {
    const term = await createTerm(t, admin, {}, 'reporting');
    const solo = await createSupervisor(t, contact, bromma, { name: 'Sara Öberg', capacity: 1 });
    expect(
      (
        await createOffer(t, contact, term.code, {
          districtId: bromma,
          unitName: 'Äldreenheten',
          field: 'elderly',
          places: 1,
          supervisorIds: [solo.id],
        })
      ).status,
    ).toBe(201);

    const alert = await addOffer(term.code, 'Äldreenheten', 'Äldreomsorg', 1, [/Sara Öberg/]);
    // The same unit and field again is refused by name before any capacity is counted.
    expect(alert).toContain('Äldreenheten har redan en plats inom Äldreomsorg den här terminen. Ändra den i stället.');

    const second = await addOffer(term.code, 'Hemtjänsten', 'Äldreomsorg', 1, [/Sara Öberg/]);
    expect(second).toContain(
      `Handledarna räcker inte i ${term.code}: Sara Öberg kan ta 1 student sammanlagt, men platserna Hemtjänsten (Äldreomsorg) och Äldreenheten (Äldreomsorg) behöver 2.`,
    );
  });
});
