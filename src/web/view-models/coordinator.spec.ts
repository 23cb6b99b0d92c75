import { AllocationRunStatus } from '../../allocation/allocation-run-status';
import type { AllocationRun } from '../../allocation/entities/allocation-run.entity';
import { UnplacedReason } from '../../allocation/unplaced-reason';
import { AssignmentStatus } from '../../assignments/assignment-status';
import type { AssignmentResponse } from '../../assignments/dto/assignment.dto';
import type { BalanceResponse } from '../../balance/dto/balance.response';
import { Field } from '../../fields/fields';
import type { OfferResponse } from '../../offers/dto/offer.response';
import type { StudentResponse } from '../../students/dto/student.response';
import { TrainingStatus } from '../../supervisors/training-status';
import type { TermResponse } from '../../terms/dto/term.response';
import { TermStatus } from '../../terms/term-status';
import { dashboardPage, placementsPage, RUN_REFRESH_SECONDS, runPage, termForm, termNames } from './coordinator';

const term: TermResponse = {
  id: 't1',
  code: 'HT2026',
  targetPlaces: 100,
  reportingDeadline: '2026-06-30',
  status: TermStatus.Allocating,
  periods: [],
};
const universities = [
  { id: 'su', name: 'Stockholms universitet', code: 'SU' },
  { id: 'esb', name: 'Ersta Sköndal Bräcke högskola', code: 'ESB' },
];
const districts = [
  { id: 'bromma', name: 'Bromma' },
  { id: 'farsta', name: 'Farsta' },
];
const student = (id: string, name: string): StudentResponse => ({
  id,
  termId: 't1',
  universityId: 'su',
  name,
  email: `${id}@student.example.se`,
  studentRef: id,
  fieldPreferences: [Field.Elderly],
  districtPreferences: [],
  excludedDistrictIds: [],
  languages: [],
  needsExtraSupport: false,
});
const offer = (
  id: string,
  districtId: string,
  unitName: string,
  supervisors: OfferResponse['supervisors'],
  usablePlaces = 2,
): OfferResponse => ({
  id,
  termId: 't1',
  districtId,
  unitName,
  field: Field.Elderly,
  places: 2,
  usablePlaces,
  supervisorIds: supervisors.map((s) => s.id),
  supervisors,
  warnings: [],
  createdAt: new Date(),
  updatedAt: new Date(),
});
const cornelia = {
  id: 'cornelia',
  name: 'Cornelia',
  trainingStatus: TrainingStatus.Completed,
  capacity: 2,
  active: true,
};
const olle = { id: 'olle', name: 'Olle', trainingStatus: TrainingStatus.None, capacity: 2, active: false };
const placement = (studentId: string, offerId: string, supervisorId: string): AssignmentResponse =>
  ({
    id: `a-${studentId}`,
    studentId,
    offerId,
    supervisorId,
    universityId: 'su',
    districtId: 'farsta',
    status: AssignmentStatus.Draft,
  }) as AssignmentResponse;

describe('the coordinator’s view models', () => {
  describe('the new-term form', () => {
    const sut = termForm(universities);
    const body = {
      code: ' ht2026 ',
      targetPlaces: '90',
      reportingDeadline: '2026-06-30',
      'periods.1.startsOn': '2026-08-31',
      'periods.1.endsOn': '2027-01-15',
    };

    it('gives a period only to a university with dates, and reads the code as it is written', () => {
      expect(sut.input(body)).toEqual({
        code: 'HT2026',
        targetPlaces: 90,
        reportingDeadline: '2026-06-30',
        periods: [{ universityId: 'esb', startsOn: '2026-08-31', endsOn: '2027-01-15' }],
      });
      expect(sut.values(body)).toMatchObject({
        code: 'HT2026',
        targetPlaces: '90',
        'periods.0.startsOn': '',
        'periods.1.endsOn': '2027-01-15',
      });
    });

    it('says a problem with a period beside the dates of the university it belongs to', () => {
      expect(
        sut.onForm({ 'periods.0.endsOn': 'Slutdatumet måste komma efter startdatumet.', code: 'Finns redan.' }, body),
      ).toEqual({
        'periods.1.endsOn': 'Slutdatumet måste komma efter startdatumet.',
        code: 'Finns redan.',
      });
    });
  });

  it('offers the next status, except publishing, which is its own step', () => {
    const balance = { districts: [], universities: [] } as unknown as BalanceResponse;
    expect(
      dashboardPage({ term: { ...term, status: TermStatus.Planning }, balance, universities, runs: [] }),
    ).toMatchObject({ next: TermStatus.Reporting, nextByPublishing: false });
    expect(dashboardPage({ term, balance, universities, runs: [] })).toMatchObject({
      next: TermStatus.Published,
      nextByPublishing: true,
    });
  });

  describe('a run', () => {
    const names = termNames({
      students: [student('s1', 'Örjan'), student('s2', 'Anna')],
      offers: [offer('o1', 'farsta', 'Enhet Äldre', [cornelia])],
      districts,
      universities,
    });
    const run = (over: Partial<AllocationRun>) =>
      ({ id: 'r1', termId: 't1', status: AllocationRunStatus.Succeeded, outcome: null, ...over }) as AllocationRun;

    it('reloads itself while the job works', () => {
      expect(runPage({ term, run: run({ status: AllocationRunStatus.Running }) })).toMatchObject({
        working: true,
        refresh: RUN_REFRESH_SECONDS,
      });
      expect(runPage({ term, run: run({ status: AllocationRunStatus.Failed }) })).not.toHaveProperty('refresh');
    });

    it('lists the proposal by student name, with the place and supervisor named, and a student since removed', () => {
      const outcome = {
        universities: [{ universityId: 'su', quota: 3, placed: 2 }],
        unplaced: [{ studentId: 'gone', reason: UnplacedReason.QuotaReached }],
        proposals: [
          { studentId: 's1', offerId: 'o1', supervisorId: 'cornelia', cost: 1 },
          { studentId: 's2', offerId: 'o1', supervisorId: 'cornelia', cost: 0 },
        ],
      };
      const page = runPage({ term, run: run({ outcome }), names });
      expect(page.proposals).toEqual([
        {
          name: 'Anna',
          university: 'SU',
          district: 'Farsta',
          unit: 'Enhet Äldre',
          field: Field.Elderly,
          supervisor: 'Cornelia',
          cost: 0,
        },
        {
          name: 'Örjan',
          university: 'SU',
          district: 'Farsta',
          unit: 'Enhet Äldre',
          field: Field.Elderly,
          supervisor: 'Cornelia',
          cost: 1,
        },
      ]);
      expect(page.unplaced).toEqual([
        { name: 'Borttagen student', university: '–', reason: UnplacedReason.QuotaReached },
      ]);
      expect(page.universities).toEqual([{ name: 'Stockholms universitet', quota: 3, placed: 2 }]);
    });
  });

  describe('the placements', () => {
    // Room to spare, but on an offer whose one place is taken.
    const siv = { ...cornelia, id: 'siv', name: 'Siv', capacity: 3 };
    const names = termNames({
      students: [student('s1', 'Cecilia'), student('s2', 'Bertil')],
      offers: [
        offer('o2', 'farsta', 'Enhet Äldre', [cornelia, olle]),
        offer('o1', 'bromma', 'Enhet Barn', [cornelia], 1),
        offer('o3', 'farsta', 'Enhet Full', [siv], 1),
      ],
      districts,
      universities,
    });
    const rows = [placement('s1', 'o2', 'cornelia'), placement('s3', 'o3', 'siv')];

    it('lists the offers by district with what is left of them, and each supervisor with what they can still take', () => {
      const page = placementsPage({ term, rows, names });
      const offers = page.offers as { value: string; label: string; supervisors: { label: string }[] }[];
      expect(offers.map((o) => o.label)).toEqual([
        'Bromma – Enhet Barn – Äldreomsorg – 1 av 1 lediga',
        'Farsta – Enhet Äldre – Äldreomsorg – 1 av 2 lediga',
      ]);
      // Only choices the server accepts: the full offer is left out, and so is the inactive supervisor, who takes no one.
      expect(offers[1].supervisors.map((s) => s.label)).toEqual(['Cornelia – 1 av 2 lediga – utbildning: genomgången']);
      expect(page.unplacedStudents).toEqual([{ value: 's2', label: 'Bertil (SU)' }]);
      expect(page.drafts).toBe(2);
    });

    it('shows one page of 50 rows, with counts and free places from every row', () => {
      const many = Array.from({ length: 60 }, (_, i) => placement(`m${i}`, 'o2', 'cornelia'));
      const first = placementsPage({ term, rows: many, names });
      expect((first.rows as unknown[]).length).toBe(50);
      expect(first.pager).toMatchObject({
        summary: 'Visar 1–50 av 60',
        previous: null,
        next: `/terminer/${term.code}/placeringar?offset=50`,
      });
      expect(first.drafts).toBe(60);
      // Cornelia is counted full from all 60 rows, so only Siv's offer is left to choose.
      expect(first.offers).toEqual([expect.objectContaining({ value: 'o3' })]);
      const second = placementsPage({ term, rows: many, names, offset: 50 });
      expect((second.rows as { studentId: string }[]).map((r) => r.studentId)).toEqual(
        many.slice(50).map((r) => r.studentId),
      );
      expect(second.pager).toMatchObject({ summary: 'Visar 51–60 av 60', next: null });
    });

    it('keeps a refused choice of supervisor under the offer chosen with it', () => {
      const refused = {
        errors: { _form: 'Platsen är full.' },
        values: { studentId: 's2', offerId: 'o2', supervisorId: 'cornelia' },
        errorFor: 'assign',
      };
      expect(placementsPage({ term, rows, names }, refused)).toMatchObject({
        supervisorGroup: 'o2',
        errorFor: 'assign',
      });
      expect(
        placementsPage({ term, rows, names }, { ...refused, values: { supervisorId: 'cornelia' } }).supervisorGroup,
      ).toBe('o1');
    });
  });
});
