import { Get, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AuditService } from '../../audit/audit.service';
import { AuditQueryDto } from '../../audit/dto/audit-query.dto';
import { GuardedRequest } from '../../auth/access.guard';
import { Roles } from '../../common/auth/decorators';
import { Role } from '../../common/auth/role';
import { AppError } from '../../common/errors/app-error';
import { IdParam } from '../../common/http/id-param';
import { DistrictsService } from '../../districts/districts.service';
import { UpdateDistrictDto } from '../../districts/dto/update-district.dto';
import { AttendanceDto, CreateEventDto, UpdateEventDto } from '../../events/dto/event.dto';
import { EventsService } from '../../events/events.service';
import { termReportCsv, trendCsv } from '../../reports/report-csv';
import { ReportsService } from '../../reports/reports.service';
import { TermsService } from '../../terms/terms.service';
import { UniversitiesService } from '../../universities/universities.service';
import { CreateUserDto } from '../../users/dto/create-user.dto';
import { UpdateUserDto } from '../../users/dto/update-user.dto';
import { UsersErrors } from '../../users/users.errors';
import { UsersService } from '../../users/users.service';
import { checkForm, FormFlow, Refused } from '../form-flow';
import { formValue } from '../forms';
import { chooseTerm } from '../term-choice';
import { CONFIRM } from '../texts';
import {
  attendanceInput,
  attendanceValues,
  districtForm,
  districtInput,
  districtsPage,
  eventChangeInput,
  eventInput,
  eventPage,
  eventsPage,
  eventValues,
  followUpPage,
  logErrors,
  logPage,
  logQuery,
  userInput,
  usersPage,
} from '../view-models/coordinator-admin';
import { LIST_PAGE, offsetFrom } from '../view-models/pager';
import { FormErrors, sendPage, ViewService } from '../view.service';
import { WebController } from '../web-controller';

/**
 * The coordinator's other pages: events (create, change, cancel, attendance), users, districts,
 * the term report with the trend across terms, and the audit log. Every action is the API's own
 * service call with the API's own DTO.
 */
@WebController()
@Roles(Role.Coordinator)
export class CoordinatorAdminPagesController {
  constructor(
    private readonly view: ViewService,
    private readonly form: FormFlow,
    private readonly events: EventsService,
    private readonly terms: TermsService,
    private readonly users: UsersService,
    private readonly districts: DistrictsService,
    private readonly universities: UniversitiesService,
    private readonly reports: ReportsService,
    private readonly audit: AuditService,
  ) {}

  // Events

  @Get('handelser')
  eventList(@Req() request: GuardedRequest): Promise<string> {
    return this.eventsView(request);
  }

  @Post('handelser')
  createEvent(@Req() request: GuardedRequest, @Res() response: Response): Promise<void> {
    return this.form.submit(request, response, {
      dto: CreateEventDto,
      input: eventInput,
      call: (dto) => this.events.create(request.actor!, dto),
      values: eventValues,
      done: (event) => ({ redirect: `/handelser/${event.id}`, confirmation: CONFIRM.eventCreated(event) }),
      page: (refused) => this.eventsView(request, refused),
    });
  }

  private async eventsView(request: GuardedRequest, refused?: Refused): Promise<string> {
    const offset = offsetFrom(request.query.offset);
    const [{ rows: events, total }, terms] = await Promise.all([
      this.events.list(request.actor!, { limit: LIST_PAGE, offset }),
      this.terms.list(),
    ]);
    return this.view.page(
      request,
      'coordinator-admin/events',
      eventsPage({ events, terms, listed: { offset, total } }, refused),
    );
  }

  @Get('handelser/:id')
  event(@Req() request: GuardedRequest, @IdParam() id: string): Promise<string> {
    return this.eventView(request, id);
  }

  @Post('handelser/:id')
  updateEvent(@Req() request: GuardedRequest, @Res() response: Response, @IdParam() id: string): Promise<void> {
    return this.form.submit(request, response, {
      dto: UpdateEventDto,
      input: eventChangeInput,
      call: (dto) => this.events.update(request.actor!, id, dto),
      errorFor: 'edit',
      values: eventValues,
      done: (event) => ({ redirect: `/handelser/${id}`, confirmation: CONFIRM.eventChanged(event) }),
      page: (refused) => this.eventView(request, id, refused),
    });
  }

  @Post('handelser/:id/installa')
  cancelEvent(@Req() request: GuardedRequest, @Res() response: Response, @IdParam() id: string): Promise<void> {
    return this.form.submit(request, response, {
      call: () => this.events.cancel(request.actor!, id),
      errorFor: 'cancel',
      done: (event) => ({ redirect: `/handelser/${id}`, confirmation: CONFIRM.eventCancelled(event) }),
      page: (refused) => this.eventView(request, id, refused),
    });
  }

  @Post('handelser/:id/narvaro')
  async recordAttendance(
    @Req() request: GuardedRequest,
    @Res() response: Response,
    @IdParam() id: string,
  ): Promise<void> {
    const { event } = await this.events.get(request.actor!, id);
    return this.form.submit(request, response, {
      dto: AttendanceDto,
      input: attendanceInput,
      call: (dto) => this.events.recordAttendance(request.actor!, id, dto),
      errorFor: 'attendance',
      values: attendanceValues,
      // The form has no field per entry: any problem is said above it.
      onForm: 'above',
      done: (invitees) => ({
        redirect: `/handelser/${id}`,
        confirmation: CONFIRM.attendanceSaved({
          title: event.title,
          attended: invitees.filter((i) => i.attended).length,
          invited: invitees.length,
        }),
      }),
      page: (refused) => this.eventView(request, id, refused),
    });
  }

  private async eventView(request: GuardedRequest, id: string, refused?: Refused): Promise<string> {
    const { event } = await this.events.get(request.actor!, id);
    const [invitees, terms] = await Promise.all([this.events.invitees(id), this.terms.list()]);
    return this.view.page(
      request,
      'coordinator-admin/event',
      eventPage({ event, invitees, terms, begun: this.events.attendanceOpen(event) }, refused),
    );
  }

  // Users

  @Get('anvandare')
  userList(@Req() request: GuardedRequest): Promise<string> {
    return this.usersView(request);
  }

  @Post('anvandare')
  createUser(@Req() request: GuardedRequest, @Res() response: Response): Promise<void> {
    return this.form.submit(request, response, {
      dto: CreateUserDto,
      input: userInput,
      call: (dto) => this.users.create(request.actor!, dto),
      errorFor: 'create',
      conflictField: { [UsersErrors.email_taken.code]: 'email' },
      done: (user) => ({ redirect: '/anvandare', confirmation: CONFIRM.userCreated(user) }),
      page: (refused) => this.usersView(request, refused),
    });
  }

  @Post('anvandare/:id/aktiv')
  setActive(@Req() request: GuardedRequest, @Res() response: Response, @IdParam() id: string): Promise<void> {
    return this.form.submit(request, response, {
      dto: UpdateUserDto,
      input: (body) => ({ active: formValue.bool(body.active) }),
      call: (dto) => this.users.update(request.actor!, id, dto),
      errorFor: 'active',
      onForm: 'above',
      done: (user) => ({ redirect: '/anvandare', confirmation: CONFIRM.userActivated(user) }),
      page: (refused) => this.usersView(request, refused),
    });
  }

  private async usersView(request: GuardedRequest, refused?: Refused): Promise<string> {
    const offset = offsetFrom(request.query.offset);
    const [{ rows: users, total }, districts, universities] = await Promise.all([
      this.users.list({ limit: LIST_PAGE, offset }),
      this.districts.list(),
      this.universities.list(),
    ]);
    return this.view.page(
      request,
      'coordinator-admin/users',
      usersPage({ users, districts, universities, selfId: request.actor!.id, listed: { offset, total } }, refused),
    );
  }

  // Districts

  @Get('stadsdelar')
  districtList(@Req() request: GuardedRequest): Promise<string> {
    return this.districtsView(request);
  }

  @Post('stadsdelar/:id')
  updateDistrict(@Req() request: GuardedRequest, @Res() response: Response, @IdParam() id: string): Promise<void> {
    return this.form.submit(request, response, {
      dto: UpdateDistrictDto,
      input: districtInput,
      call: (dto) => this.districts.update(request.actor!, id, dto),
      errorFor: districtForm(id),
      done: (district) => ({
        redirect: `/stadsdelar#stadsdel-${district.code}`,
        confirmation: CONFIRM.districtSaved(district),
      }),
      page: (refused) => this.districtsView(request, refused),
    });
  }

  private async districtsView(request: GuardedRequest, refused?: Refused): Promise<string> {
    const [districts, { rows: users }] = await Promise.all([this.districts.list(), this.users.list()]);
    return this.view.page(request, 'coordinator-admin/districts', districtsPage({ districts, users }, refused));
  }

  // Follow-up

  @Get('uppfoljning')
  async followUp(@Req() request: GuardedRequest, @Query('termin') code?: string): Promise<string> {
    const [terms, trend, universities] = await Promise.all([
      this.terms.list(),
      this.reports.trend(),
      this.universities.list(),
    ]);
    const term = chooseTerm(terms, code);
    const report = term ? await this.reports.termReport(term.code) : null;
    return this.view.page(
      request,
      'coordinator-admin/follow-up',
      followUpPage({ terms, term, report, trend, universities }),
    );
  }

  @Get('uppfoljning.csv')
  async followUpCsv(@Res() response: Response, @Query('termin') code?: string): Promise<void> {
    const term = chooseTerm(await this.terms.list(), code);
    if (!term) throw AppError.notFound('term');
    const report = await this.reports.termReport(term.code);
    response.type('text/csv; charset=utf-8').attachment(`uppfoljning-${term.code}.csv`).send(termReportCsv(report));
  }

  @Get('uppfoljning/trend.csv')
  async trendCsv(@Res() response: Response): Promise<void> {
    response
      .type('text/csv; charset=utf-8')
      .attachment('uppfoljning-terminer.csv')
      .send(trendCsv(await this.reports.trend()));
  }

  // Audit log

  /** A filter form sent by GET: nothing changes, so a bad address is the page again with its problem (400), not a redirect. */
  @Get('logg')
  async log(
    @Req() request: GuardedRequest,
    @Res() response: Response,
    @Query() query: Record<string, unknown>,
  ): Promise<void> {
    const { input, values } = logQuery(query);
    const checked = await checkForm(AuditQueryDto, input);
    if ('failure' in checked)
      return sendPage(
        response,
        checked.failure.status,
        await this.logView(request, null, { values, errors: logErrors(checked.failure.errors) }),
      );
    sendPage(response, 200, await this.logView(request, checked.dto, { values }));
  }

  private async logView(
    request: GuardedRequest,
    query: AuditQueryDto | null,
    state: { values: Record<string, unknown>; errors?: FormErrors },
  ): Promise<string> {
    const [{ rows: entries, total }, { rows: users }] = await Promise.all([
      query ? this.audit.list(query) : Promise.resolve({ rows: [], total: 0 }),
      this.users.list(),
    ]);
    return this.view.page(request, 'coordinator-admin/log', logPage({ entries, users, query, total }, state));
  }
}
