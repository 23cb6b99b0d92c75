import type { BalanceResponse } from '../../balance/dto/balance.response';
import { Field } from '../../fields/fields';
import type { StudentResponse } from '../../students/dto/student.response';
import type { TermResponse } from '../../terms/dto/term.response';
import { TermStatus } from '../../terms/term-status';
import {
  csvText,
  demandPage,
  importRefusal,
  onStudentForm,
  placementsPage,
  studentInput,
  studentPage,
  studentsPage,
  TOO_LARGE_MESSAGE,
  trainingPage,
  uploadRefusal,
} from './university';

const term: TermResponse = {
  id: 't1',
  code: 'HT2026',
  targetPlaces: 100,
  reportingDeadline: '2026-06-30',
  status: TermStatus.Reporting,
  periods: [{ universityId: 'su', startsOn: '2026-08-31', endsOn: '2027-01-15' }],
};
const su = { id: 'su', name: 'Stockholms universitet' };
const ada: StudentResponse = {
  id: 's1',
  termId: 't1',
  universityId: 'su',
  name: 'Ada Svensson',
  email: 'ada@student.su.se',
  studentRef: 'SU-1',
  fieldPreferences: [Field.ChildrenYouth, Field.Elderly],
  districtPreferences: ['bromma'],
  excludedDistrictIds: ['old'],
  languages: ['arabiska', 'engelska'],
  needsExtraSupport: true,
};
const districts = [
  { id: 'bromma', name: 'Bromma', active: true },
  { id: 'old', name: 'Gamla stadsdelen', active: false },
  { id: 'farsta', name: 'Farsta', active: true },
];

describe('the university coordinator’s view models', () => {
  describe('the student form', () => {
    const body = {
      name: 'Ada',
      field1: 'children_youth',
      field2: '',
      field3: 'children_youth',
      district1: 'bromma',
      excludedDistrictIds: 'farsta',
      languages: 'arabiska, , engelska',
    };

    it('takes the ranked selects that were filled in, in rank order, as the DTO’s lists', () => {
      expect(studentInput(body)).toMatchObject({
        fieldPreferences: ['children_youth', 'children_youth'],
        districtPreferences: ['bromma'],
        excludedDistrictIds: ['farsta'],
        languages: ['arabiska', 'engelska'],
        needsExtraSupport: false,
      });
    });

    it('says a problem with a list beside the select it concerns: by rank, or the one that repeats an earlier choice', () => {
      expect(
        onStudentForm(
          {
            fieldPreferences: 'Samma verksamhetsområde får inte väljas två gånger.',
            'districtPreferences.0': 'Finns inte.',
          },
          body,
        ),
      ).toEqual({
        field3: 'Samma verksamhetsområde får inte väljas två gånger.',
        district1: 'Finns inte.',
      });
      expect(onStudentForm({ fieldPreferences: 'Välj minst ett verksamhetsområde.' }, {})).toEqual({
        field1: 'Välj minst ett verksamhetsområde.',
      });
    });

    it('fills the form from the student, with a district no longer active still choosable while the student names it', () => {
      const page = studentPage({ student: ada, termCode: 'HT2026', districts });
      expect(page.values).toMatchObject({
        field1: 'children_youth',
        field2: 'elderly',
        field3: '',
        district1: 'bromma',
        languages: 'arabiska, engelska',
        needsExtraSupport: true,
      });
      expect(page.districtOptions).toEqual([
        { value: 'bromma', label: 'Bromma' },
        { value: 'old', label: 'Gamla stadsdelen' },
        { value: 'farsta', label: 'Farsta' },
      ]);
    });
  });

  describe('the CSV import', () => {
    it('refuses a missing or too large file before reading it', () => {
      expect(uploadRefusal({ uploadTooLarge: true })).toEqual({ status: 413, errors: { file: TOO_LARGE_MESSAGE } });
      expect(uploadRefusal({ file: { size: 0 } })).toEqual({
        status: 400,
        errors: { file: 'Välj en CSV-fil med studenterna.' },
      });
      expect(uploadRefusal({ file: { size: 10 } })).toBeUndefined();
    });

    it('reads a spreadsheet’s Windows-1252 file as well as UTF-8', () => {
      expect(csvText(Buffer.from('Örjan', 'utf8'))).toBe('Örjan');
      expect(csvText(Buffer.from([0xd6, 0x72, 0x6a, 0x61, 0x6e]))).toBe('Örjan');
    });

    it('tables every problem of the file by row and column, with a summary of how many rows need fixing', () => {
      expect(
        importRefusal({
          'row.5.email': 'Ange en giltig e-postadress.',
          'row.4.field1': 'Okänt.',
          'row.4.email': 'Ange en giltig e-postadress.',
          _form: 'Valideringen misslyckades.',
        }),
      ).toEqual({
        importErrors: {
          _form: 'Inget importerades: 2 rader i filen behöver rättas. Rätta filen och ladda upp den igen.',
        },
        importProblems: [
          { row: 4, column: 'field1', message: 'Okänt.' },
          { row: 4, column: 'email', message: 'Ange en giltig e-postadress.' },
          { row: 5, column: 'email', message: 'Ange en giltig e-postadress.' },
        ],
      });
      expect(importRefusal({ 'row.3.studentRef': 'SU-1 är redan registrerad.' }).importErrors._form).toContain(
        'en rad i filen',
      );
    });

    it('says a refusal of the whole import above the form, and a file problem beside the file field', () => {
      expect(importRefusal({ _form: 'Studenterna kan inte längre ändras.' })).toEqual({
        importErrors: { _form: 'Inget importerades. Studenterna kan inte längre ändras.' },
        importProblems: [],
      });
      expect(importRefusal({ file: TOO_LARGE_MESSAGE })).toEqual({
        importErrors: { file: TOO_LARGE_MESSAGE },
        importProblems: [],
      });
    });
  });

  it('pages the students of the chosen term, counting them all', () => {
    const page = studentsPage({
      terms: [term],
      term,
      university: su,
      students: [ada],
      districts,
      listed: { offset: 50, total: 51 },
    });
    expect(page.pager).toEqual({
      summary: 'Visar 51–51 av 51',
      total: 51,
      previous: `/studenter?termin=${term.code}`,
      next: null,
    });
  });

  it('puts a refusal on the students page beside the form it came from', () => {
    const data = { terms: [term], term, university: su, students: [ada], districts };
    expect(studentsPage(data).values).toEqual({ excludedDistrictIds: [] });
    expect(studentsPage(data, { errors: { name: 'Fyll i fältet.' }, values: { name: '' } })).toMatchObject({
      errors: { name: 'Fyll i fältet.' },
      values: { name: '' },
    });
    expect(studentsPage(data, { errors: { _form: 'Studenten är placerad.' }, errorFor: 'list' })).toMatchObject({
      listErrors: { _form: 'Studenten är placerad.' },
      values: { excludedDistrictIds: [] },
    });
    expect(studentsPage(data, { errors: { 'row.2.name': 'Fyll i fältet.' }, errorFor: 'import' })).toMatchObject({
      importProblems: [{ row: 2, column: 'name', message: 'Fyll i fältet.' }],
    });
    expect(studentsPage(data).districtOptions).toEqual([
      { value: 'bromma', label: 'Bromma' },
      { value: 'farsta', label: 'Farsta' },
    ]);
  });

  it('shows the university’s own period, share and demand for the term', () => {
    const balance = { universities: [{ universityId: 'su', quota: 7 }] } as unknown as BalanceResponse;
    const page = demandPage({
      terms: [term],
      term,
      university: su,
      balance,
      universityId: 'su',
      demand: { universityId: 'su', code: 'SU', name: 'SU', requestedPlaces: 12, updatedAt: null },
    });
    expect(page).toMatchObject({ period: term.periods[0], share: { quota: 7 }, values: { requestedPlaces: 12 } });
    expect(demandPage({ terms: [], university: su, universityId: 'su' })).not.toHaveProperty('period');
  });

  it('lists the students not placed beside the placements', () => {
    const page = placementsPage({ terms: [term], term, university: su, districts, rows: [], students: [ada] });
    expect(page).toMatchObject({ rows: [], unplaced: [ada], districtNames: { bromma: 'Bromma' } });
  });

  it('starts the training report at the given year', () => {
    expect(trainingPage({ university: su, reports: [], year: 2026 }).values).toEqual({ year: '2026' });
  });
});
