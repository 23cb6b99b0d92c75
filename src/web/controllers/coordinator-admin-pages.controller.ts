import { Body, Get, Post, Query, Req, Res } from '@nestjs/common';
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
import { EventStatus } from '../../events/entities/event.entity';
import { EventInvitee, InviteeKind } from '../../events/entities/event-invitee.entity';
import { EventType } from '../../events/event-type';
import { EventsService } from '../../events/events.service';
import { termReportCsv, trendCsv } from '../../reports/report-csv';
import { ReportsService } from '../../reports/reports.service';
import { TermsService } from '../../terms/terms.service';
import { UniversitiesService } from '../../universities/universities.service';
import { CreateUserDto } from '../../users/dto/create-user.dto';
import { UpdateUserDto } from '../../users/dto/update-user.dto';
import { UsersService } from '../../users/users.service';
import { lineChart } from '../charts';
import { AUDIT_ACTION, AUDIT_ENTITY, EVENT_TYPE, INVITEE_KIND, localInput, ROLE } from '../format';
import { attempt, formValue, validateForm } from '../forms';
import { chooseTerm } from '../term-choice';
import { FormErrors, ViewService, sendPage } from '../view.service';
import { WebController } from '../web-controller';

/** A page shown again after a refused form: which form it was, what was typed, what was wrong. */
interface Refused {
  errors?: FormErrors;
  values?: Record<string, unknown>;
  /** The form the errors belong to, e.g. `edit`, `attendance` or `district:<id>`. */
  errorFor?: string;
}

/** Audit entries per page of the log. */
const LOG_PAGE = 50;

const EVENT_LABELS = {
  type: 'Typ av händelse',
  title: 'Rubrik',
  startsAt: 'Börjar',
  endsAt: 'Slutar',
  location: 'Plats',
  termCode: 'Termin',
  description: 'Beskrivning',
  includeUniversities: 'Bjud in lärosätena',
};

/** The values of an event form as typed, to show them again after a refusal. */
const typedEvent = (body: Record<string, unknown>): Record<string, unknown> => ({
  ...Object.fromEntries(['type', 'title', 'startsAt', 'endsAt', 'location', 'termCode', 'description'].map((name) => [name, formValue.text(body[name]) ?? ''])),
  includeUniversities: formValue.bool(body.includeUniversities),
});

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
  eventsPage(@Req() request: GuardedRequest): Promise<string> {
    return this.eventsView(request, {});
  }

  @Post('handelser')
  async createEvent(@Req() request: GuardedRequest, @Res() response: Response, @Body() body: Record<string, unknown>): Promise<void> {
    const values = typedEvent(body);
    const input = {
      type: formValue.optionalText(body.type),
      title: formValue.text(body.title) ?? '',
      startsAt: formValue.stockholmInstant(body.startsAt) ?? '',
      endsAt: formValue.stockholmInstant(body.endsAt) ?? '',
      location: formValue.text(body.location) ?? '',
      termCode: formValue.optionalText(body.termCode),
      description: formValue.optionalText(body.description),
      includeUniversities: formValue.bool(body.includeUniversities),
    };
    const checked = await validateForm(CreateEventDto, input);
    if ('errors' in checked) return sendPage(response, 400, await this.eventsView(request, { errors: checked.errors, values }));
    const result = await attempt(() => this.events.create(request.actor!, checked.dto));
    if ('errors' in result) return sendPage(response, result.status, await this.eventsView(request, { errors: result.errors, values }));
    response.redirect(303, `/handelser/${result.ok.id}?klart=handelse_skapad`);
  }

  private async eventsView(request: GuardedRequest, refused: Refused): Promise<string> {
    const [events, terms] = await Promise.all([this.events.list(request.actor!, {}), this.terms.list()]);
    const termCode = new Map(terms.map((t) => [t.id, t.code]));
    return this.view.page(request, 'coordinator-admin/events', {
      title: 'Händelser',
      events: events.map(({ event, invitees }) => ({ ...event, invitees, termCode: event.termId ? termCode.get(event.termId) : undefined })),
      types: Object.values(EventType).map((value) => ({ value, label: EVENT_TYPE[value] })),
      terms: terms.map((t) => ({ value: t.code, label: t.code })),
      labels: EVENT_LABELS,
      ...refused,
      values: refused.values ?? { type: '', includeUniversities: false },
    });
  }

  @Get('handelser/:id')
  eventPage(@Req() request: GuardedRequest, @IdParam() id: string): Promise<string> {
    return this.eventView(request, id, {});
  }

  @Post('handelser/:id')
  async updateEvent(@Req() request: GuardedRequest, @Res() response: Response, @IdParam() id: string, @Body() body: Record<string, unknown>): Promise<void> {
    const values = typedEvent(body);
    // A field emptied in the form is sent empty, so the DTO says it is needed rather than keeping the old value.
    const instant = (value: unknown) => formValue.stockholmInstant(value) ?? formValue.text(value);
    const input = {
      title: formValue.text(body.title),
      startsAt: instant(body.startsAt),
      endsAt: instant(body.endsAt),
      location: formValue.text(body.location),
      // An emptied description is no description, as when the event was created without one.
      description: formValue.optionalText(body.description) ?? null,
      includeUniversities: formValue.bool(body.includeUniversities),
    };
    const refused = { values, errorFor: 'edit' };
    const checked = await validateForm(UpdateEventDto, input);
    if ('errors' in checked) return sendPage(response, 400, await this.eventView(request, id, { ...refused, errors: checked.errors }));
    const result = await attempt(() => this.events.update(request.actor!, id, checked.dto));
    if ('errors' in result) return sendPage(response, result.status, await this.eventView(request, id, { ...refused, errors: result.errors }));
    response.redirect(303, `/handelser/${id}?klart=handelse_andrad`);
  }

  @Post('handelser/:id/installa')
  async cancelEvent(@Req() request: GuardedRequest, @Res() response: Response, @IdParam() id: string): Promise<void> {
    const result = await attempt(() => this.events.cancel(request.actor!, id));
    if ('errors' in result) return sendPage(response, result.status, await this.eventView(request, id, { errors: result.errors, errorFor: 'cancel' }));
    response.redirect(303, `/handelser/${id}?klart=installt`);
  }

  /** Every invitee the form listed: ticked ones attended, the others did not. */
  @Post('handelser/:id/narvaro')
  async recordAttendance(@Req() request: GuardedRequest, @Res() response: Response, @IdParam() id: string, @Body() body: Record<string, unknown>): Promise<void> {
    const attended = new Set(formValue.list(body.attended));
    const input = { attendance: formValue.list(body.invitees).map((inviteeId) => ({ inviteeId, attended: attended.has(inviteeId) })) };
    const refused = { values: { attended: [...attended] }, errorFor: 'attendance' };
    // The form has no field per entry: any problem is said above it.
    const general = (errors: FormErrors) => ({ _form: errors._form ?? Object.values(errors)[0] });
    const checked = await validateForm(AttendanceDto, input);
    if ('errors' in checked) return sendPage(response, 400, await this.eventView(request, id, { ...refused, errors: general(checked.errors) }));
    const result = await attempt(() => this.events.recordAttendance(request.actor!, id, checked.dto));
    if ('errors' in result) return sendPage(response, result.status, await this.eventView(request, id, { ...refused, errors: general(result.errors) }));
    response.redirect(303, `/handelser/${id}?klart=narvaro_sparad`);
  }

  private async eventView(request: GuardedRequest, id: string, refused: Refused): Promise<string> {
    const { event } = await this.events.get(request.actor!, id);
    const [invitees, terms] = await Promise.all([this.events.invitees(id), this.terms.list()]);
    return this.view.page(request, 'coordinator-admin/event', {
      title: event.title,
      event,
      termCode: terms.find((t) => t.id === event.termId)?.code,
      cancelled: event.status === EventStatus.Cancelled,
      begun: this.events.attendanceOpen(event),
      invitees: invitees.map((i) => ({ ...i, kindLabel: inviteeKind(i) })),
      labels: EVENT_LABELS,
      ...refused,
      values: refused.values ?? {
        title: event.title,
        startsAt: localInput(event.startsAt),
        endsAt: localInput(event.endsAt),
        location: event.location,
        description: event.description ?? '',
        includeUniversities: event.includeUniversities,
      },
    });
  }

  // Users

  @Get('anvandare')
  usersPage(@Req() request: GuardedRequest): Promise<string> {
    return this.usersView(request, {});
  }

  @Post('anvandare')
  async createUser(@Req() request: GuardedRequest, @Res() response: Response, @Body() body: Record<string, unknown>): Promise<void> {
    const input = {
      name: formValue.text(body.name) ?? '',
      email: formValue.text(body.email) ?? '',
      role: formValue.optionalText(body.role),
      districtId: formValue.optionalText(body.districtId),
      universityId: formValue.optionalText(body.universityId),
      password: formValue.text(body.password) ?? '',
    };
    // The password is never sent back to the browser.
    const { password: _, ...values } = input;
    const refused = { values, errorFor: 'create' };
    const checked = await validateForm(CreateUserDto, input);
    if ('errors' in checked) return sendPage(response, 400, await this.usersView(request, { ...refused, errors: checked.errors }));
    const result = await attempt(() => this.users.create(request.actor!, checked.dto));
    if ('errors' in result) {
      // The one conflict on creating is a taken e-mail address: say it next to the address.
      const errors = result.status === 409 && result.errors._form ? { email: result.errors._form } : result.errors;
      return sendPage(response, result.status, await this.usersView(request, { ...refused, errors }));
    }
    response.redirect(303, '/anvandare?klart=anvandare_skapad');
  }

  @Post('anvandare/:id/aktiv')
  async setActive(@Req() request: GuardedRequest, @Res() response: Response, @IdParam() id: string, @Body() body: Record<string, unknown>): Promise<void> {
    const checked = await validateForm(UpdateUserDto, { active: formValue.bool(body.active) });
    if ('errors' in checked) return sendPage(response, 400, await this.usersView(request, { errors: { _form: Object.values(checked.errors)[0] }, errorFor: 'active' }));
    const result = await attempt(() => this.users.update(request.actor!, id, checked.dto));
    if ('errors' in result) return sendPage(response, result.status, await this.usersView(request, { errors: result.errors, errorFor: 'active' }));
    response.redirect(303, '/anvandare?klart=sparat');
  }

  private async usersView(request: GuardedRequest, refused: Refused): Promise<string> {
    const [users, districts, universities] = await Promise.all([this.users.list(), this.districts.list(), this.universities.list()]);
    const district = new Map(districts.map((d) => [d.id, d.name]));
    const university = new Map(universities.map((u) => [u.id, u.name]));
    return this.view.page(request, 'coordinator-admin/users', {
      title: 'Användare',
      users: users.map((u) => ({
        id: u.id,
        name: u.name,
        email: u.email,
        role: u.role,
        scope: (u.districtId && district.get(u.districtId)) || (u.universityId && university.get(u.universityId)) || '–',
        active: u.active,
        self: u.id === request.actor!.id,
      })),
      roles: Object.values(Role).map((value) => ({ value, label: ROLE[value] })),
      districts: districts.map((d) => ({ value: d.id, label: d.name })),
      universities: universities.map((u) => ({ value: u.id, label: u.name })),
      labels: { name: 'Namn', email: 'E-postadress', role: 'Roll', districtId: 'Stadsdel', universityId: 'Lärosäte', password: 'Lösenord' },
      ...refused,
      values: refused.values ?? {},
    });
  }

  // Districts

  @Get('stadsdelar')
  districtsPage(@Req() request: GuardedRequest): Promise<string> {
    return this.districtsView(request, {});
  }

  @Post('stadsdelar/:id')
  async updateDistrict(@Req() request: GuardedRequest, @Res() response: Response, @IdParam() id: string, @Body() body: Record<string, unknown>): Promise<void> {
    const contact = formValue.text(body.contactUserId) ?? '';
    const input = { name: formValue.text(body.name), contactUserId: contact === '' ? null : contact, active: formValue.bool(body.active) };
    const refused = { values: { ...input, contactUserId: contact }, errorFor: `district:${id}` };
    const checked = await validateForm(UpdateDistrictDto, input);
    if ('errors' in checked) return sendPage(response, 400, await this.districtsView(request, { ...refused, errors: checked.errors }));
    const result = await attempt(() => this.districts.update(request.actor!, id, checked.dto));
    if ('errors' in result) return sendPage(response, result.status, await this.districtsView(request, { ...refused, errors: result.errors }));
    response.redirect(303, `/stadsdelar?klart=sparat#stadsdel-${result.ok.code}`);
  }

  private async districtsView(request: GuardedRequest, refused: Refused): Promise<string> {
    const [districts, users] = await Promise.all([this.districts.list(), this.users.list()]);
    const user = new Map(users.map((u) => [u.id, u]));
    return this.view.page(request, 'coordinator-admin/districts', {
      title: 'Stadsdelar',
      districts: districts.map((d) => {
        const contact = d.contactUserId ? user.get(d.contactUserId) : undefined;
        return {
          ...d,
          contact: contact ? { name: contact.name, email: contact.email } : null,
          // The district's own active contact persons: the service accepts no one else.
          candidates: users.filter((u) => u.role === Role.DistrictContact && u.active && u.districtId === d.id).map((u) => ({ value: u.id, label: `${u.name} (${u.email})` })),
        };
      }),
      ...refused,
    });
  }

  // Follow-up

  @Get('uppfoljning')
  async followUp(@Req() request: GuardedRequest, @Query('termin') code?: string): Promise<string> {
    const [terms, trend, universities] = await Promise.all([this.terms.list(), this.reports.trend(), this.universities.list()]);
    const term = chooseTerm(terms, code);
    const report = term ? await this.reports.termReport(term.code) : null;
    const chart = trend.length
      ? lineChart({
          title: 'Platser termin för termin',
          description: 'Målet, de användbara platserna (platser med handledare) och de tillsatta platserna för varje termin. Samma siffror står i tabellen under diagrammet.',
          labels: trend.map((r) => r.termCode),
          series: [
            { name: 'Mål', values: trend.map((r) => r.targetPlaces) },
            { name: 'Användbara platser', values: trend.map((r) => r.usablePlaces) },
            { name: 'Tillsatta', values: trend.map((r) => r.filled) },
          ],
          unit: 'platser',
        })
      : '';
    return this.view.page(request, 'coordinator-admin/follow-up', {
      title: report ? `Uppföljning ${report.termCode}` : 'Uppföljning',
      terms: terms.map((t) => ({ value: t.code, label: t.code })),
      report,
      universityName: Object.fromEntries(universities.map((u) => [u.id, u.name])),
      trend,
      chart,
      values: { termin: term?.code },
    });
  }

  @Get('uppfoljning.csv')
  async followUpCsv(@Res() response: Response, @Query('termin') code?: string): Promise<void> {
    const term = chooseTerm(await this.terms.list(), code);
    if (!term) throw AppError.notFound('Term');
    const report = await this.reports.termReport(term.code);
    response.type('text/csv; charset=utf-8').attachment(`uppfoljning-${term.code}.csv`).send(termReportCsv(report));
  }

  @Get('uppfoljning/trend.csv')
  async trendCsv(@Res() response: Response): Promise<void> {
    response.type('text/csv; charset=utf-8').attachment('uppfoljning-terminer.csv').send(trendCsv(await this.reports.trend()));
  }

  // Audit log

  @Get('logg')
  async log(@Req() request: GuardedRequest, @Res() response: Response, @Query() query: Record<string, unknown>): Promise<void> {
    const given = Object.fromEntries(
      (['entityType', 'action', 'limit', 'offset'] as const).map((name) => [name, formValue.optionalText(query[name])]).filter(([, value]) => value !== undefined),
    );
    const values = { entityType: given.entityType ?? '', action: given.action ?? '' };
    const checked = await validateForm(AuditQueryDto, { limit: String(LOG_PAGE), ...given });
    if ('errors' in checked) {
      // Paging has no field of its own: a bad limit or offset can only come from an edited address.
      const { limit, offset, ...fields } = checked.errors;
      const errors = limit || offset ? { ...fields, _form: 'Adressen till sidan är felaktig. Välj Visa allt för att börja om.' } : fields;
      return sendPage(response, 400, await this.logView(request, { errors, values }, null));
    }
    sendPage(response, 200, await this.logView(request, { values }, checked.dto));
  }

  private async logView(request: GuardedRequest, refused: Refused, query: AuditQueryDto | null): Promise<string> {
    const [entries, users] = await Promise.all([query ? this.audit.list(query) : Promise.resolve([]), this.users.list()]);
    const name = new Map(users.map((u) => [u.id, u.name]));
    const pageAt = (offset: number) => {
      const params = new URLSearchParams({ ...(query?.entityType ? { entityType: query.entityType } : {}), ...(query?.action ? { action: query.action } : {}) });
      if (query!.limit !== LOG_PAGE) params.set('limit', String(query!.limit));
      if (offset > 0) params.set('offset', String(offset));
      const search = params.toString();
      return `/logg${search ? `?${search}` : ''}`;
    };
    return this.view.page(request, 'coordinator-admin/log', {
      title: 'Logg',
      entries: entries.map((e) => ({
        ...e,
        actor: e.actorId ? (name.get(e.actorId) ?? 'Okänd användare') : 'Systemet',
        actionLabel: AUDIT_ACTION[e.action] ?? e.action,
        entityLabel: AUDIT_ENTITY[e.entityType] ?? e.entityType,
        changes: Object.entries(e.changes ?? {}),
      })),
      entityTypes: Object.entries(AUDIT_ENTITY).map(([value, label]) => ({ value, label })),
      actions: Object.entries(AUDIT_ACTION).map(([value, label]) => ({ value, label })),
      newer: query && query.offset > 0 ? pageAt(Math.max(0, query.offset - query.limit)) : null,
      older: query && entries.length === query.limit ? pageAt(query.offset + query.limit) : null,
      from: query ? query.offset + 1 : 0,
      labels: { entityType: 'Typ av uppgift', action: 'Vad som hände' },
      ...refused,
    });
  }

}

/** Users are named by their role where the invitation says it (a district's contact, a university's coordinator). */
function inviteeKind(invitee: EventInvitee): string {
  if (invitee.kind !== InviteeKind.User) return INVITEE_KIND[invitee.kind] ?? invitee.kind;
  return ROLE[invitee.districtId ? Role.DistrictContact : invitee.universityId ? Role.UniversityCoordinator : Role.Coordinator];
}
