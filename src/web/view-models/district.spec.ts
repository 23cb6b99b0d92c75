import { Field } from '../../fields/fields';
import type { OfferResponse } from '../../offers/dto/offer.response';
import type { SupervisorResponse } from '../../supervisors/dto/supervisor.dto';
import { TrainingStatus } from '../../supervisors/training-status';
import type { TermResponse } from '../../terms/dto/term.response';
import { TermStatus } from '../../terms/term-status';
import {
  offerInput,
  offerPage,
  offersPage,
  offerValues,
  placedPage,
  supervisorPage,
  supervisorsPage,
} from './district';

const term = (over: Partial<TermResponse> = {}): TermResponse => ({
  id: 't1',
  code: 'HT2026',
  targetPlaces: 100,
  reportingDeadline: '2026-06-30',
  status: TermStatus.Reporting,
  periods: [],
  ...over,
});
const supervisor = (name: string, over: Partial<SupervisorResponse> = {}): SupervisorResponse => ({
  id: name.toLowerCase(),
  districtId: 'd1',
  name,
  email: `${name.toLowerCase()}@stad.example.se`,
  trainingStatus: TrainingStatus.Completed,
  capacity: 1,
  active: true,
  ...over,
});
const offer = (over: Partial<OfferResponse> = {}): OfferResponse => ({
  id: 'o1',
  termId: 't1',
  districtId: 'd1',
  unitName: 'Enhet X',
  field: Field.ChildrenYouth,
  places: 2,
  usablePlaces: 1,
  supervisorIds: ['sara'],
  supervisors: [],
  warnings: [],
  createdAt: new Date(),
  updatedAt: new Date(),
  ...over,
});
const bromma = { name: 'Bromma' };
const midsummer = new Date('2026-06-20T10:00:00Z');

describe('the district contact’s view models', () => {
  it('starts the new-supervisor form at one student, and keeps what was typed after a refusal', () => {
    expect(supervisorsPage({ district: bromma, supervisors: [] }).values).toEqual({ capacity: 1 });
    const refused = supervisorsPage(
      { district: bromma, supervisors: [] },
      { errors: { email: 'Ange en giltig e-postadress.' }, values: { name: 'Sara', email: 'sara' } },
    );
    expect(refused).toMatchObject({
      errors: { email: 'Ange en giltig e-postadress.' },
      values: { name: 'Sara', email: 'sara' },
    });
  });

  it('fills the supervisor form from the supervisor until a refused change replaces it', () => {
    const sara = supervisor('Sara', { capacity: 2 });
    expect(supervisorPage(sara)).toMatchObject({
      title: 'Ändra handledare Sara',
      values: { name: 'Sara', capacity: 2, active: true },
    });
    expect(supervisorPage(sara, { errors: {}, values: { name: '' } }).values).toEqual({ name: '' });
  });

  it('pages the supervisors fifty at a time, saying which are shown of how many', () => {
    const supervisors = Array.from({ length: 50 }, (_, i) => supervisor(`S${i}`));
    expect(supervisorsPage({ district: bromma, supervisors, listed: { offset: 50, total: 120 } }).pager).toEqual({
      summary: 'Visar 51–100 av 120',
      total: 120,
      previous: '/handledare',
      next: '/handledare?offset=100',
    });
    expect(supervisorsPage({ district: bromma, supervisors: [supervisor('Sara')] }).pager).toMatchObject({
      summary: 'Visar 1–1 av 1',
      previous: null,
      next: null,
    });
  });

  it('pages the offers of the chosen term, keeping the term in the links', () => {
    const page = offersPage({
      district: bromma,
      terms: [term()],
      term: term(),
      offers: [],
      supervisors: [],
      now: midsummer,
      listed: { offset: 0, total: 75 },
    });
    expect(page.pager).toMatchObject({ previous: null, next: '/platser?termin=HT2026&offset=50' });
  });

  it('offers only active supervisors for a new offer and says whether reporting is open now', () => {
    const data = {
      district: bromma,
      terms: [term()],
      term: term(),
      offers: [],
      supervisors: [supervisor('Sara'), supervisor('Olle', { active: false })],
      now: midsummer,
    };
    const page = offersPage(data);
    expect((page.supervisors as SupervisorResponse[]).map((s) => s.name)).toEqual(['Sara']);
    expect(page).toMatchObject({ title: 'Platser HT2026', reporting: true, values: { supervisorIds: [] } });
    expect(offersPage({ ...data, now: new Date('2026-07-01T10:00:00Z') }).reporting).toBe(false);
    expect(offersPage({ ...data, term: undefined }).title).toBe('Platser');
  });

  it('says a refused removal above the list, naming the offer, and leaves the add form untouched', () => {
    const data = {
      district: bromma,
      terms: [term()],
      term: term(),
      offers: [offer()],
      supervisors: [],
      now: midsummer,
    };
    const page = offersPage(data, { errors: { _form: 'Studenter är placerade på platsen.' }, errorFor: 'remove:o1' });
    expect(page.listError).toBe('Enhet X kunde inte tas bort. Studenter är placerade på platsen.');
    expect(page.errors).toBeUndefined();
    expect(page.values).toEqual({ supervisorIds: [] });
  });

  it('keeps inactive supervisors choosable on an offer while it names them', () => {
    const page = offerPage({
      offer: offer({ supervisorIds: ['olle'] }),
      term: term(),
      supervisors: [supervisor('Olle', { active: false }), supervisor('Pia', { active: false })],
      now: midsummer,
    });
    expect((page.supervisors as SupervisorResponse[]).map((s) => s.name)).toEqual(['Olle']);
    expect(page.values).toEqual({
      unitName: 'Enhet X',
      field: Field.ChildrenYouth,
      places: 2,
      supervisorIds: ['olle'],
    });
  });

  it('reads one ticked supervisor as a list, as the DTO and the form want it', () => {
    const body = { unitName: 'Enhet X', field: 'elderly', places: '3', supervisorIds: 'sara' };
    expect(offerInput(body)).toEqual({ unitName: 'Enhet X', field: 'elderly', places: 3, supervisorIds: ['sara'] });
    expect(offerValues(body).supervisorIds).toEqual(['sara']);
    expect(offerInput({}).supervisorIds).toEqual([]);
  });

  it('names the universities of the placed students', () => {
    const page = placedPage({
      district: bromma,
      terms: [],
      assignments: [],
      universities: [{ id: 'u1', name: 'Stockholms universitet' }],
    });
    expect(page.universityName).toEqual({ u1: 'Stockholms universitet' });
  });
});
