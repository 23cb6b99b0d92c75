import type { AssignmentResponse } from '../../assignments/dto/assignment.dto';
import type { BalanceResponse } from '../../balance/dto/balance.response';
import type { DemandResponse } from '../../demand/dto/demand.dto';
import type { CreateStudentDto } from '../../students/dto/student.dto';
import type { StudentResponse } from '../../students/dto/student.response';
import type { TermResponse } from '../../terms/dto/term.response';
import type { TrainingReport } from '../../training-reports/entities/training-report.entity';
import type { FormFailure } from '../form-errors';
import type { FormBody, FormInput, Refused } from '../form-flow';
import { formValue } from '../forms';
import type { FormErrors, PageData } from '../view.service';
import { LIST_PAGE, type Listed, listPager } from './pager';

export const TOO_LARGE_MESSAGE = 'Filen är större än 2 MB. Dela upp den i flera filer.';

const STUDENT_LABELS = {
  name: 'Namn',
  email: 'E-postadress',
  studentRef: 'Lärosätets referens',
  field1: 'Verksamhetsområde i första hand',
  field2: 'Verksamhetsområde i andra hand',
  field3: 'Verksamhetsområde i tredje hand',
  district1: 'Stadsdel i första hand',
  district2: 'Stadsdel i andra hand',
  district3: 'Stadsdel i tredje hand',
  excludedDistrictIds: 'Stadsdelar där studenten inte får placeras',
  languages: 'Språk',
  needsExtraSupport: 'Behöver extra stöd',
};

/** The import file's columns as the problem table names them. */
const CSV_COLUMNS: Record<string, string> = {
  name: 'namn',
  email: 'e-post',
  studentRef: 'lärosätets referens',
  field1: 'verksamhetsområde 1',
  field2: 'verksamhetsområde 2',
  field3: 'verksamhetsområde 3',
  district1: 'stadsdel 1',
  district2: 'stadsdel 2',
  district3: 'stadsdel 3',
  needsExtraSupport: 'extra stöd',
  header: 'rubrikraden',
  file: 'filen',
};

const TRAINING_LABELS = {
  year: 'År',
  offeredTraining: 'Antal som erbjudits handledarutbildning',
  notAdmitted: 'Antal som inte kunde få plats',
  evaluationSummary: 'Sammanfattning av utvärderingen',
};

interface Named {
  id: string;
  name: string;
}
interface TermChoice {
  terms: TermResponse[];
  term?: TermResponse;
}

// The student form

/** The ranked selects (`field1`–`field3`, `district1`–`district3`) that were filled in, in rank order. */
function ranked(body: FormBody, prefix: 'field' | 'district'): { values: string[]; names: string[] } {
  const names = [1, 2, 3]
    .map((rank) => `${prefix}${rank}`)
    .filter((name) => typeof body[name] === 'string' && body[name] !== '');
  return { values: names.map((name) => body[name] as string), names };
}

/** The student form as the API's DTO takes it (adding names the university too). */
export const studentInput = (body: FormBody): FormInput<CreateStudentDto> => ({
  name: formValue.text(body.name),
  email: formValue.text(body.email),
  studentRef: formValue.text(body.studentRef),
  fieldPreferences: ranked(body, 'field').values,
  districtPreferences: ranked(body, 'district').values,
  excludedDistrictIds: formValue.list(body.excludedDistrictIds),
  languages:
    typeof body.languages === 'string'
      ? body.languages
          .split(',')
          .map((l) => l.trim())
          .filter(Boolean)
      : [],
  needsExtraSupport: formValue.bool(body.needsExtraSupport),
});

/** What the student form shows again after a refusal: exactly what was typed and chosen. */
export function studentValues(body: FormBody): FormBody {
  const pick = (name: string) => formValue.text(body[name]) ?? '';
  return {
    ...Object.fromEntries(
      [
        'name',
        'email',
        'studentRef',
        'field1',
        'field2',
        'field3',
        'district1',
        'district2',
        'district3',
        'languages',
      ].map((n) => [n, pick(n)]),
    ),
    excludedDistrictIds: formValue.list(body.excludedDistrictIds),
    needsExtraSupport: formValue.bool(body.needsExtraSupport),
  };
}

/**
 * The API names the lists (`fieldPreferences.1`); the form has one select per rank. A problem with
 * a whole list goes to the select that repeats an earlier choice, else to the first.
 */
export function onStudentForm(errors: FormErrors, body: FormBody): FormErrors {
  const out: FormErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    const [property, index] = key.split('.');
    const prefix = property === 'fieldPreferences' ? 'field' : property === 'districtPreferences' ? 'district' : null;
    let name = property;
    if (prefix) {
      const { values, names } = ranked(body, prefix);
      const repeated = values.findIndex((value, i) => values.indexOf(value) < i);
      name = names[index !== undefined ? Number(index) : repeated] ?? `${prefix}1`;
    }
    out[name] ??= message;
  }
  return out;
}

function studentFormOf(student: StudentResponse): FormBody {
  return {
    name: student.name,
    email: student.email,
    studentRef: student.studentRef,
    ...Object.fromEntries([0, 1, 2].map((i) => [`field${i + 1}`, student.fieldPreferences[i] ?? ''])),
    ...Object.fromEntries([0, 1, 2].map((i) => [`district${i + 1}`, student.districtPreferences[i] ?? ''])),
    excludedDistrictIds: student.excludedDistrictIds,
    languages: student.languages.join(', '),
    needsExtraSupport: student.needsExtraSupport,
  };
}

// The CSV import

/** The upload's own check before the file is read: none given, or over the limit. */
export function uploadRefusal(upload: { file?: { size: number }; uploadTooLarge?: boolean }): FormFailure | undefined {
  if (upload.uploadTooLarge) return { status: 413, errors: { file: TOO_LARGE_MESSAGE } };
  if (!upload.file?.size) return { status: 400, errors: { file: 'Välj en CSV-fil med studenterna.' } };
  return undefined;
}

/** Spreadsheets on Windows save CSV as Windows-1252 unless told otherwise; UTF-8 is tried first. */
export function csvText(buffer: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return new TextDecoder('windows-1252').decode(buffer);
  }
}

/**
 * A refused import as the page shows it: every problem of the file in a table by row and column
 * (`row.<n>.<column>`), with a summary above; nothing was imported.
 */
export function importRefusal(errors: FormErrors): {
  importErrors: FormErrors;
  importProblems: { row: number; column: string; message: string }[];
} {
  const problems: { row: number; column: string; message: string }[] = [];
  const { _form, ...fields } = errors;
  const other: FormErrors = {};
  for (const [key, message] of Object.entries(fields)) {
    const at = /^row\.(\d+)\.(.+)$/.exec(key);
    if (at) problems.push({ row: Number(at[1]), column: at[2], message });
    else other[key] = message;
  }
  const rows = new Set(problems.map((p) => p.row)).size;
  const summary = problems.length
    ? `Inget importerades: ${rows === 1 ? 'en rad' : `${rows} rader`} i filen behöver rättas. Rätta filen och ladda upp den igen.`
    : _form && `Inget importerades. ${_form}`;
  return {
    importErrors: { ...other, ...(summary ? { _form: summary } : {}) },
    importProblems: problems.sort((a, b) => a.row - b.row),
  };
}

// Pages

export function demandPage(
  data: TermChoice & { university: Named; demand?: DemandResponse; balance?: BalanceResponse; universityId: string },
  refused?: Refused,
): PageData {
  const { term, demand, balance, universityId } = data;
  const page: PageData = {
    title: 'Behov',
    terms: data.terms,
    term,
    termAction: '/behov',
    university: data.university,
    labels: { requestedPlaces: 'Antal studenter' },
    ...refused,
  };
  if (!term || !balance) return page;
  return {
    ...page,
    period: term.periods.find((p) => p.universityId === universityId),
    demand,
    balance,
    share: balance.universities.find((u) => u.universityId === universityId),
    values: refused?.values ?? { requestedPlaces: demand?.requestedPlaces ?? '' },
  };
}

/**
 * The term's students with the forms to add one and to import a file. Which form a refusal
 * belongs to: the add form (no `errorFor`), `list` (a removal) or `import`.
 */
export function studentsPage(
  data: TermChoice & {
    university: Named;
    students: StudentResponse[];
    districts: (Named & { active: boolean })[];
    listed?: Listed;
  },
  refused?: Refused,
): PageData {
  const { errorFor, errors, values } = refused ?? {};
  return {
    title: 'Studenter',
    terms: data.terms,
    term: data.term,
    termAction: '/studenter',
    university: data.university,
    students: data.students,
    pager: listPager('/studenter', { termin: data.term?.code }, data.listed, data.students.length),
    districtNames: Object.fromEntries(data.districts.map((d) => [d.id, d.name])),
    districtOptions: data.districts.filter((d) => d.active).map((d) => ({ value: d.id, label: d.name })),
    labels: STUDENT_LABELS,
    csvColumns: CSV_COLUMNS,
    values: (!errorFor && values) || { excludedDistrictIds: [] },
    ...(errorFor === 'list'
      ? { listErrors: errors }
      : errorFor === 'import' && errors
        ? importRefusal(errors)
        : { errors }),
  };
}

/** One student to change; districts no longer active stay choosable while the student names them. */
export function studentPage(
  data: { student: StudentResponse; termCode: string; districts: (Named & { active: boolean })[] },
  refused?: Refused,
): PageData {
  const { student } = data;
  const named = (id: string) => student.districtPreferences.includes(id) || student.excludedDistrictIds.includes(id);
  return {
    title: `Ändra ${student.name}`,
    student,
    termCode: data.termCode,
    districtOptions: data.districts.filter((d) => d.active || named(d.id)).map((d) => ({ value: d.id, label: d.name })),
    labels: STUDENT_LABELS,
    ...refused,
    values: refused?.values ?? studentFormOf(student),
  };
}

/** Where the university's students are placed, and those not placed. */
export function placementsPage(
  data: TermChoice & {
    university: Named;
    districts: Named[];
    rows?: AssignmentResponse[];
    students?: StudentResponse[];
    offset?: number;
  },
): PageData {
  const page: PageData = {
    title: 'Placeringar',
    terms: data.terms,
    term: data.term,
    termAction: '/placeringar',
    university: data.university,
    districtNames: Object.fromEntries(data.districts.map((d) => [d.id, d.name])),
  };
  if (!data.term) return page;
  const rows = data.rows ?? [];
  const placed = new Set(rows.map((r) => r.studentId));
  const offset = data.offset ?? 0;
  const shown = rows.slice(offset, offset + LIST_PAGE);
  return {
    ...page,
    rows: shown,
    pager: listPager('/placeringar', { termin: data.term.code }, { offset, total: rows.length }, shown.length),
    unplaced: (data.students ?? []).filter((s) => !placed.has(s.id)),
  };
}

/** The yearly training reports; the form starts at this year (`year`, Stockholm). */
export function trainingPage(
  data: { university: Named; reports: TrainingReport[]; year: number },
  refused?: Refused,
): PageData {
  return {
    title: 'Handledarutbildning',
    university: data.university,
    reports: data.reports,
    labels: TRAINING_LABELS,
    ...refused,
    values: refused?.values ?? { year: String(data.year) },
  };
}
