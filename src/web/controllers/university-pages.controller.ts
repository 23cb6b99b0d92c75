import { Get, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { DateTime } from 'luxon';
import { AssignmentsService } from '../../assignments/assignments.service';
import { GuardedRequest } from '../../auth/access.guard';
import { BalanceService } from '../../balance/balance.service';
import { Roles } from '../../common/auth/decorators';
import { Role } from '../../common/auth/role';
import { AppError } from '../../common/errors/app-error';
import { IdParam } from '../../common/http/id-param';
import type { Paged } from '../../common/http/paging';
import { Clock } from '../../common/time/clock';
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
import { FormFlow, Refused } from '../form-flow';
import { formValue } from '../forms';
import { chooseTerm } from '../term-choice';
import { CONFIRM } from '../texts';
import {
  csvText,
  demandPage,
  onStudentForm,
  placementsPage,
  studentInput,
  studentPage,
  studentsPage,
  studentValues,
  trainingPage,
  uploadRefusal,
} from '../view-models/university';
import { LIST_PAGE, offsetFrom } from '../view-models/pager';
import { ViewService } from '../view.service';
import { WebController } from '../web-controller';

/** The term a form posts to, as the page put it in the form's address; never a guess. */
function postedTerm(request: GuardedRequest): string {
  return typeof request.query.termin === 'string' ? request.query.termin : '';
}

const studentsOf = (code: string) => `/studenter?termin=${encodeURIComponent(code)}`;

/** The university coordinator's pages: demand, students, placements, supervisor-training reports. */
@WebController()
@Roles(Role.UniversityCoordinator)
export class UniversityPagesController {
  constructor(
    private readonly view: ViewService,
    private readonly form: FormFlow,
    private readonly clock: Clock,
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
    return this.demandView(request);
  }

  @Post('behov')
  putDemand(@Req() request: GuardedRequest, @Res() response: Response): Promise<void> {
    const actor = request.actor!;
    const code = postedTerm(request);
    return this.form.submit(request, response, {
      dto: PutDemandDto,
      input: (body) => ({ requestedPlaces: formValue.int(body.requestedPlaces) }),
      call: (dto) => this.demand.put(actor, code, actor.universityId!, dto),
      done: (_, dto) => ({
        redirect: `/behov?termin=${encodeURIComponent(code)}`,
        confirmation: CONFIRM.demandSaved({ code, requestedPlaces: dto.requestedPlaces }),
      }),
      page: (refused) => this.demandView(request, refused),
    });
  }

  @Get('studenter')
  studentList(@Req() request: GuardedRequest): Promise<string> {
    return this.studentsView(request);
  }

  @Post('studenter')
  createStudent(@Req() request: GuardedRequest, @Res() response: Response): Promise<void> {
    const actor = request.actor!;
    const code = postedTerm(request);
    return this.form.submit(request, response, {
      dto: CreateStudentDto,
      input: (body) => ({ ...studentInput(body), universityId: actor.universityId }),
      call: (dto) => this.students.create(actor, code, dto),
      values: studentValues,
      onForm: onStudentForm,
      done: (student) => ({
        redirect: studentsOf(code),
        confirmation: CONFIRM.studentAdded({ name: student.name, code }),
      }),
      page: (refused) => this.studentsView(request, refused),
    });
  }

  /**
   * All or nothing, as the API: every problem of the file is listed with its row and column, and
   * nothing is imported until the file is right.
   */
  @Post('studenter/import')
  importStudents(@Req() request: GuardedRequest & UploadRequest, @Res() response: Response): Promise<void> {
    const actor = request.actor!;
    const code = postedTerm(request);
    return this.form.submit(request, response, {
      check: () => uploadRefusal(request),
      call: () => this.students.import(actor, code, actor.universityId!, csvText(request.file!.buffer)),
      errorFor: 'import',
      done: (imported) => ({ redirect: studentsOf(code), confirmation: CONFIRM.studentsImported({ imported, code }) }),
      page: (refused) => this.studentsView(request, refused),
    });
  }

  @Get('studenter/:id')
  async studentForm(@Req() request: GuardedRequest, @IdParam() id: string): Promise<string> {
    return this.studentView(request, StudentResponse.of(await this.students.get(request.actor!, id)));
  }

  @Post('studenter/:id')
  async updateStudent(@Req() request: GuardedRequest, @Res() response: Response, @IdParam() id: string): Promise<void> {
    const actor = request.actor!;
    const student = StudentResponse.of(await this.students.get(actor, id));
    return this.form.submit(request, response, {
      dto: UpdateStudentDto,
      input: studentInput,
      call: (dto) => this.students.update(actor, id, dto),
      values: studentValues,
      onForm: onStudentForm,
      done: async (saved) => ({
        redirect: studentsOf((await this.terms.getById(student.termId)).code),
        confirmation: CONFIRM.studentSaved(saved),
      }),
      page: (refused) => this.studentView(request, student, refused),
    });
  }

  @Post('studenter/:id/ta-bort')
  async removeStudent(@Req() request: GuardedRequest, @Res() response: Response, @IdParam() id: string): Promise<void> {
    const actor = request.actor!;
    const student = await this.students.get(actor, id);
    const { code } = await this.terms.getById(student.termId);
    return this.form.submit(request, response, {
      call: () => this.students.remove(actor, id),
      errorFor: 'list',
      done: () => ({ redirect: studentsOf(code), confirmation: CONFIRM.studentRemoved({ name: student.name, code }) }),
      page: (refused) => this.studentsView(request, refused),
    });
  }

  @Get('placeringar')
  async placements(@Req() request: GuardedRequest): Promise<string> {
    const actor = request.actor!;
    const { terms, term } = await this.termChoice(request);
    const offset = offsetFrom(request.query.offset);
    const [university, districts, rows, students] = await Promise.all([
      this.universities.get(actor.universityId!),
      this.districts.list(),
      term ? this.assignments.list(actor, term.code).then((page) => page.rows) : undefined,
      term
        ? (this.students.list(actor, term.code) as Promise<Paged<StudentResponse>>).then((page) => page.rows)
        : undefined,
    ]);
    return this.view.page(
      request,
      'university/placements',
      placementsPage({ terms, term, university, districts, rows, students, offset }),
    );
  }

  /** The same rows as the page, for a spreadsheet. */
  @Get('placeringar.csv')
  async placementsCsv(@Req() request: GuardedRequest, @Res() response: Response): Promise<void> {
    const { term } = await this.termChoice(request);
    if (!term) throw AppError.notFound('term');
    const csv = await this.assignments.csv(request.actor!, term.code);
    response.type('text/csv; charset=utf-8').attachment(`placeringar-${term.code}.csv`).send(csv);
  }

  @Get('handledarutbildning')
  trainingForm(@Req() request: GuardedRequest): Promise<string> {
    return this.trainingView(request);
  }

  @Post('handledarutbildning')
  putTraining(@Req() request: GuardedRequest, @Res() response: Response): Promise<void> {
    const actor = request.actor!;
    return this.form.submit(request, response, {
      dto: PutTrainingReportDto,
      input: (body) => ({
        universityId: actor.universityId,
        year: formValue.int(body.year),
        offeredTraining: formValue.int(body.offeredTraining),
        notAdmitted: formValue.int(body.notAdmitted),
        evaluationSummary: formValue.text(body.evaluationSummary),
      }),
      call: async (dto) => {
        const replaced = (await this.trainingReports.list(actor, { year: dto.year })).length > 0;
        await this.trainingReports.put(actor, dto);
        return { replaced };
      },
      done: ({ replaced }, dto) => ({
        redirect: '/handledarutbildning',
        confirmation: CONFIRM.trainingReported({ year: dto.year, replaced }),
      }),
      page: (refused) => this.trainingView(request, refused),
    });
  }

  private async termChoice(request: GuardedRequest): Promise<{ terms: TermResponse[]; term?: TermResponse }> {
    const terms = await this.terms.list();
    return { terms, term: chooseTerm(terms, request.query.termin) };
  }

  private async demandView(request: GuardedRequest, refused?: Refused): Promise<string> {
    const actor = request.actor!;
    const { terms, term } = await this.termChoice(request);
    const [university, demand, balance] = await Promise.all([
      this.universities.get(actor.universityId!),
      term ? this.demand.list(actor, term.code).then(([own]) => own) : undefined,
      term ? this.balance.get(term.code) : undefined,
    ]);
    return this.view.page(
      request,
      'university/demand',
      demandPage({ terms, term, university, demand, balance, universityId: actor.universityId! }, refused),
    );
  }

  private async studentsView(request: GuardedRequest, refused?: Refused): Promise<string> {
    const actor = request.actor!;
    const { terms, term } = await this.termChoice(request);
    const offset = offsetFrom(request.query.offset);
    const [university, districts, students] = await Promise.all([
      this.universities.get(actor.universityId!),
      this.districts.list(),
      term
        ? (this.students.list(actor, term.code, { limit: LIST_PAGE, offset }) as Promise<Paged<StudentResponse>>)
        : { rows: [], total: 0 },
    ]);
    return this.view.page(
      request,
      'university/students',
      studentsPage(
        { terms, term, university, students: students.rows, districts, listed: { offset, total: students.total } },
        refused,
      ),
    );
  }

  private async studentView(request: GuardedRequest, student: StudentResponse, refused?: Refused): Promise<string> {
    const [districts, term] = await Promise.all([this.districts.list(), this.terms.getById(student.termId)]);
    return this.view.page(
      request,
      'university/student',
      studentPage({ student, termCode: term.code, districts }, refused),
    );
  }

  private async trainingView(request: GuardedRequest, refused?: Refused): Promise<string> {
    const actor = request.actor!;
    const [university, reports] = await Promise.all([
      this.universities.get(actor.universityId!),
      this.trainingReports.list(actor, {}),
    ]);
    const year = DateTime.fromJSDate(this.clock.now()).setZone(STOCKHOLM).year;
    return this.view.page(request, 'university/training', trainingPage({ university, reports, year }, refused));
  }
}
