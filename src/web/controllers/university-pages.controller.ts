import { Body, Get, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DateTime } from 'luxon';
import { AssignmentsService } from '../../assignments/assignments.service';
import { assignmentsCsv } from '../../assignments/assignments-csv';
import { GuardedRequest } from '../../auth/access.guard';
import { BalanceService } from '../../balance/balance.service';
import { Roles } from '../../common/auth/decorators';
import { Role } from '../../common/auth/role';
import { AppError } from '../../common/errors/app-error';
import { IdParam } from '../../common/http/id-param';
import { STOCKHOLM } from '../../common/time/stockholm';
import { PutDemandDto } from '../../demand/dto/demand.dto';
import { DemandService } from '../../demand/demand.service';
import { DistrictsService } from '../../districts/districts.service';
import { CreateStudentDto, UpdateStudentDto } from '../../students/dto/student.dto';
import { StudentResponse } from '../../students/dto/student.response';
import { StudentsService } from '../../students/students.service';
import { TermResponse } from '../../terms/dto/term.response';
import { TermsService } from '../../terms/terms.service';
import { PutTrainingReportDto } from '../../training-reports/dto/training-report.dto';
import { TrainingReportsService } from '../../training-reports/training-reports.service';
import { UniversitiesService } from '../../universities/universities.service';
import { UploadRequest } from '../csv-upload.middleware';
import { attempt, formValue, validateForm } from '../forms';
import { swedishError, swedishMessage } from '../i18n';
import { chooseTerm } from '../term-choice';
import { FormErrors, PageData, ViewService, sendPage } from '../view.service';
import { WebController } from '../web-controller';

type Form = Record<string, unknown>;

const TOO_LARGE_MESSAGE = 'Filen är större än 2 MB. Dela upp den i flera filer.';

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

/** The ranked selects (`field1`–`field3`, `district1`–`district3`) that were filled in, in rank order. */
function ranked(form: Form, prefix: 'field' | 'district'): { values: string[]; names: string[] } {
  const names = [1, 2, 3].map((rank) => `${prefix}${rank}`).filter((name) => typeof form[name] === 'string' && form[name] !== '');
  return { values: names.map((name) => form[name] as string), names };
}

/** The student form as the API's DTO takes it. */
function studentInput(form: Form): Record<string, unknown> {
  return {
    name: formValue.text(form.name),
    email: formValue.text(form.email),
    studentRef: formValue.text(form.studentRef),
    fieldPreferences: ranked(form, 'field').values,
    districtPreferences: ranked(form, 'district').values,
    excludedDistrictIds: formValue.list(form.excludedDistrictIds),
    languages: typeof form.languages === 'string' ? form.languages.split(',').map((l) => l.trim()).filter(Boolean) : [],
    needsExtraSupport: formValue.bool(form.needsExtraSupport),
  };
}

/** What the student form shows again after a refusal: exactly what was typed and chosen. */
function studentValues(form: Form): Form {
  const pick = (name: string) => formValue.text(form[name]) ?? '';
  return {
    ...Object.fromEntries(['name', 'email', 'studentRef', 'field1', 'field2', 'field3', 'district1', 'district2', 'district3', 'languages'].map((n) => [n, pick(n)])),
    excludedDistrictIds: formValue.list(form.excludedDistrictIds),
    needsExtraSupport: formValue.bool(form.needsExtraSupport),
  };
}

/**
 * The API names the lists (`fieldPreferences.1`); the form has one select per rank. A problem with
 * a whole list goes to the select that repeats an earlier choice, else to the first.
 */
function onStudentForm(errors: FormErrors, form: Form): FormErrors {
  const out: FormErrors = {};
  for (const [key, message] of Object.entries(errors)) {
    const [property, index] = key.split('.');
    const prefix = property === 'fieldPreferences' ? 'field' : property === 'districtPreferences' ? 'district' : null;
    let name = property;
    if (prefix) {
      const { values, names } = ranked(form, prefix);
      const repeated = values.findIndex((value, i) => values.indexOf(value) < i);
      name = names[index !== undefined ? Number(index) : repeated] ?? `${prefix}1`;
    }
    out[name] ??= message;
  }
  return out;
}

function studentFormOf(student: StudentResponse): Form {
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

/** The term a form posts to, as the page put it in the form's address; never a guess. */
function postedTerm(request: GuardedRequest): string {
  return typeof request.query.termin === 'string' ? request.query.termin : '';
}

/** Spreadsheets on Windows save CSV as Windows-1252 unless told otherwise; UTF-8 is tried first. */
function csvText(buffer: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buffer);
  } catch {
    return new TextDecoder('windows-1252').decode(buffer);
  }
}

interface StudentsPageState {
  errors?: FormErrors;
  values?: Form;
  listErrors?: FormErrors;
  importErrors?: FormErrors;
  importProblems?: { row: number; column: string; message: string }[];
}

/** The university coordinator's pages: demand, students, placements, supervisor-training reports. */
@WebController()
@Roles(Role.UniversityCoordinator)
export class UniversityPagesController {
  constructor(
    private readonly view: ViewService,
    private readonly terms: TermsService,
    private readonly universities: UniversitiesService,
    private readonly districts: DistrictsService,
    private readonly demand: DemandService,
    private readonly balance: BalanceService,
    private readonly students: StudentsService,
    private readonly assignments: AssignmentsService,
    private readonly trainingReports: TrainingReportsService,
  ) {}

  @Get('behov')
  demandForm(@Req() request: GuardedRequest): Promise<string> {
    return this.demandPage(request);
  }

  @Post('behov')
  async putDemand(@Req() request: GuardedRequest, @Res() response: Response, @Body() form: Form): Promise<void> {
    const actor = request.actor!;
    const code = postedTerm(request);
    const values = { requestedPlaces: formValue.text(form.requestedPlaces) };
    const checked = await validateForm(PutDemandDto, { requestedPlaces: formValue.int(form.requestedPlaces) });
    if ('errors' in checked) return sendPage(response, 400, await this.demandPage(request, { errors: checked.errors, values }));
    const result = await attempt(() => this.demand.put(actor, code, actor.universityId!, checked.dto));
    if ('errors' in result) return sendPage(response, result.status, await this.demandPage(request, { errors: result.errors, values }));
    response.redirect(303, `/behov?termin=${encodeURIComponent(code)}&klart=sparat`);
  }

  @Get('studenter')
  studentList(@Req() request: GuardedRequest): Promise<string> {
    return this.studentsPage(request);
  }

  @Post('studenter')
  async createStudent(@Req() request: GuardedRequest, @Res() response: Response, @Body() form: Form): Promise<void> {
    const actor = request.actor!;
    const code = postedTerm(request);
    const values = studentValues(form);
    const checked = await validateForm(CreateStudentDto, { ...studentInput(form), universityId: actor.universityId });
    if ('errors' in checked) return sendPage(response, 400, await this.studentsPage(request, { errors: onStudentForm(checked.errors, form), values }));
    const result = await attempt(() => this.students.create(actor, code, checked.dto));
    if ('errors' in result) return sendPage(response, result.status, await this.studentsPage(request, { errors: onStudentForm(result.errors, form), values }));
    response.redirect(303, `/studenter?termin=${encodeURIComponent(code)}&klart=skapat`);
  }

  /**
   * All or nothing, as the API: every problem of the file is listed with its row and column, and
   * nothing is imported until the file is right.
   */
  @Post('studenter/import')
  async importStudents(@Req() request: GuardedRequest & UploadRequest, @Res() response: Response): Promise<void> {
    const actor = request.actor!;
    const code = postedTerm(request);
    const file = request.file;
    if (request.uploadTooLarge) return sendPage(response, 413, await this.studentsPage(request, { importErrors: { file: TOO_LARGE_MESSAGE } }));
    if (!file?.size) return sendPage(response, 400, await this.studentsPage(request, { importErrors: { file: 'Välj en CSV-fil med studenterna.' } }));
    try {
      const imported = await this.students.import(actor, code, actor.universityId!, csvText(file.buffer));
      response.redirect(303, `/studenter?termin=${encodeURIComponent(code)}&klart=importerat&antal=${imported}`);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      const problems = (error.details ?? []).map((d) => ({ row: d.row ?? 1, column: d.field, message: swedishMessage(d.message) }));
      const rows = new Set(problems.map((p) => p.row)).size;
      const summary = problems.length
        ? `Inget importerades: ${rows === 1 ? 'en rad' : `${rows} rader`} i filen behöver rättas. Rätta filen och ladda upp den igen.`
        : `Inget importerades. ${swedishError(error).general ?? ''}`.trim();
      sendPage(response, error.getStatus(), await this.studentsPage(request, { importErrors: { _form: summary }, importProblems: problems }));
    }
  }

  @Get('studenter/:id')
  async studentForm(@Req() request: GuardedRequest, @IdParam() id: string): Promise<string> {
    const student = StudentResponse.of(await this.students.get(request.actor!, id));
    return this.studentPage(request, student, { values: studentFormOf(student) });
  }

  @Post('studenter/:id')
  async updateStudent(@Req() request: GuardedRequest, @Res() response: Response, @IdParam() id: string, @Body() form: Form): Promise<void> {
    const actor = request.actor!;
    const student = StudentResponse.of(await this.students.get(actor, id));
    const values = studentValues(form);
    const checked = await validateForm(UpdateStudentDto, studentInput(form));
    if ('errors' in checked) return sendPage(response, 400, await this.studentPage(request, student, { errors: onStudentForm(checked.errors, form), values }));
    const result = await attempt(() => this.students.update(actor, id, checked.dto));
    if ('errors' in result) return sendPage(response, result.status, await this.studentPage(request, student, { errors: onStudentForm(result.errors, form), values }));
    response.redirect(303, `/studenter?termin=${encodeURIComponent((await this.terms.getById(student.termId)).code)}&klart=sparat`);
  }

  @Post('studenter/:id/ta-bort')
  async removeStudent(@Req() request: GuardedRequest, @Res() response: Response, @IdParam() id: string): Promise<void> {
    const actor = request.actor!;
    const code = (await this.terms.getById((await this.students.get(actor, id)).termId)).code;
    const result = await attempt(() => this.students.remove(actor, id));
    if ('errors' in result) return sendPage(response, result.status, await this.studentsPage(request, { listErrors: result.errors }));
    response.redirect(303, `/studenter?termin=${encodeURIComponent(code)}&klart=borttaget`);
  }

  @Get('placeringar')
  async placements(@Req() request: GuardedRequest): Promise<string> {
    const actor = request.actor!;
    const { terms, term } = await this.termChoice(request);
    const [university, districts] = await Promise.all([this.universities.get(actor.universityId!), this.districts.list()]);
    const data: PageData = { title: 'Placeringar', terms, term, termAction: '/placeringar', university, districtNames: Object.fromEntries(districts.map((d) => [d.id, d.name])) };
    if (term) {
      const [rows, students] = await Promise.all([this.assignments.list(actor, term.code), this.students.list(actor, term.code) as Promise<StudentResponse[]>]);
      const placed = new Set(rows.map((r) => r.studentId));
      Object.assign(data, { rows, unplaced: students.filter((s) => !placed.has(s.id)) });
    }
    return this.view.page(request, 'university/placements', data);
  }

  /** The same rows as the page, for a spreadsheet. */
  @Get('placeringar.csv')
  async placementsCsv(@Req() request: GuardedRequest, @Res() response: Response): Promise<void> {
    const { term } = await this.termChoice(request);
    if (!term) throw AppError.notFound('Term');
    const rows = await this.assignments.list(request.actor!, term.code);
    response.type('text/csv; charset=utf-8').attachment(`placeringar-${term.code}.csv`).send(assignmentsCsv(rows));
  }

  @Get('handledarutbildning')
  trainingForm(@Req() request: GuardedRequest): Promise<string> {
    return this.trainingPage(request, { values: { year: String(DateTime.now().setZone(STOCKHOLM).year) } });
  }

  @Post('handledarutbildning')
  async putTraining(@Req() request: GuardedRequest, @Res() response: Response, @Body() form: Form): Promise<void> {
    const actor = request.actor!;
    const values = Object.fromEntries(['year', 'offeredTraining', 'notAdmitted', 'evaluationSummary'].map((n) => [n, formValue.text(form[n]) ?? '']));
    const checked = await validateForm(PutTrainingReportDto, {
      universityId: actor.universityId,
      year: formValue.int(form.year),
      offeredTraining: formValue.int(form.offeredTraining),
      notAdmitted: formValue.int(form.notAdmitted),
      evaluationSummary: formValue.text(form.evaluationSummary),
    });
    if ('errors' in checked) return sendPage(response, 400, await this.trainingPage(request, { errors: checked.errors, values }));
    const replacing = (await this.trainingReports.list(actor, { year: checked.dto.year })).length > 0;
    const result = await attempt(() => this.trainingReports.put(actor, checked.dto));
    if ('errors' in result) return sendPage(response, result.status, await this.trainingPage(request, { errors: result.errors, values }));
    response.redirect(303, `/handledarutbildning?klart=${replacing ? 'rapport_ersatt' : 'sparat'}`);
  }


  private async termChoice(request: GuardedRequest): Promise<{ terms: TermResponse[]; term?: TermResponse }> {
    const terms = await this.terms.list();
    return { terms, term: chooseTerm(terms, request.query.termin) };
  }

  private async demandPage(request: GuardedRequest, state: { errors?: FormErrors; values?: Form } = {}): Promise<string> {
    const actor = request.actor!;
    const { terms, term } = await this.termChoice(request);
    const university = await this.universities.get(actor.universityId!);
    const data: PageData = { title: 'Behov', terms, term, termAction: '/behov', university, labels: { requestedPlaces: 'Antal studenter' }, ...state };
    if (term) {
      const [[demand], balance] = await Promise.all([this.demand.list(actor, term.code), this.balance.get(term.code)]);
      Object.assign(data, {
        period: term.periods.find((p) => p.universityId === actor.universityId),
        demand,
        balance,
        share: balance.universities.find((u) => u.universityId === actor.universityId),
        values: state.values ?? { requestedPlaces: demand?.requestedPlaces ?? '' },
      });
    }
    return this.view.page(request, 'university/demand', data);
  }

  private async studentsPage(request: GuardedRequest, state: StudentsPageState = {}): Promise<string> {
    const actor = request.actor!;
    const { terms, term } = await this.termChoice(request);
    const [university, districts] = await Promise.all([this.universities.get(actor.universityId!), this.districts.list()]);
    const imported = typeof request.query.antal === 'string' && /^\d+$/.test(request.query.antal) ? Number(request.query.antal) : null;
    return this.view.page(request, 'university/students', {
      title: 'Studenter',
      terms,
      term,
      termAction: '/studenter',
      university,
      students: term ? ((await this.students.list(actor, term.code)) as StudentResponse[]) : [],
      districtNames: Object.fromEntries(districts.map((d) => [d.id, d.name])),
      districtOptions: districts.filter((d) => d.active).map((d) => ({ value: d.id, label: d.name })),
      labels: STUDENT_LABELS,
      csvColumns: CSV_COLUMNS,
      imported: request.query.klart === 'importerat' ? imported : null,
      values: { excludedDistrictIds: [] },
      ...state,
    });
  }

  private async studentPage(request: GuardedRequest, student: StudentResponse, state: { errors?: FormErrors; values: Form }): Promise<string> {
    const districts = await this.districts.list();
    return this.view.page(request, 'university/student', {
      title: `Ändra ${student.name}`,
      student,
      termCode: (await this.terms.getById(student.termId)).code,
      districtOptions: districts.filter((d) => d.active || student.districtPreferences.includes(d.id) || student.excludedDistrictIds.includes(d.id)).map((d) => ({ value: d.id, label: d.name })),
      labels: STUDENT_LABELS,
      ...state,
    });
  }

  private async trainingPage(request: GuardedRequest, state: { errors?: FormErrors; values: Form }): Promise<string> {
    const actor = request.actor!;
    const [university, reports] = await Promise.all([this.universities.get(actor.universityId!), this.trainingReports.list(actor, {})]);
    return this.view.page(request, 'university/training', {
      title: 'Handledarutbildning',
      university,
      reports,
      labels: { year: 'År', offeredTraining: 'Antal som erbjudits handledarutbildning', notAdmitted: 'Antal som inte kunde få plats', evaluationSummary: 'Sammanfattning av utvärderingen' },
      ...state,
    });
  }
}
