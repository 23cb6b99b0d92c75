import { Body, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AllocationService } from '../../allocation/allocation.service';
import { AllocationRun, AllocationRunStatus } from '../../allocation/entities/allocation-run.entity';
import { CreateAssignmentDto } from '../../assignments/dto/assignment.dto';
import { assignmentsCsv } from '../../assignments/assignments-csv';
import { AssignmentsService } from '../../assignments/assignments.service';
import { PublicationService } from '../../assignments/publication.service';
import { GuardedRequest } from '../../auth/access.guard';
import { PutQuotaDto } from '../../balance/dto/quota.dto';
import { BalanceService } from '../../balance/balance.service';
import { Roles } from '../../common/auth/decorators';
import { Role } from '../../common/auth/role';
import { AppError } from '../../common/errors/app-error';
import { IdParam } from '../../common/http/id-param';
import { DistrictsService } from '../../districts/districts.service';
import { OfferResponse } from '../../offers/dto/offer.response';
import { OffersService } from '../../offers/offers.service';
import { ReminderResultResponse } from '../../reminders/dto/reminder-result.response';
import { RemindersService } from '../../reminders/reminders.service';
import { StudentResponse } from '../../students/dto/student.response';
import { StudentsService } from '../../students/students.service';
import { CreateTermDto, TermPeriodDto, UpdateTermDto } from '../../terms/dto/term.dto';
import { TermResponse } from '../../terms/dto/term.response';
import { nextStatus, TermStatus } from '../../terms/term-status';
import { TermsService } from '../../terms/terms.service';
import { UniversitiesService } from '../../universities/universities.service';
import { barChart } from '../charts';
import { field as fieldName, TRAINING } from '../format';
import { attempt, formValue, validateForm } from '../forms';
import { FormErrors, PageData, ViewService, sendPage } from '../view.service';
import { WebController } from '../web-controller';

/** Seconds between reloads of a run's page while the job works. */
const RUN_REFRESH_SECONDS = 2;

/** A page shown again after a refused form: which form it was, what was typed, what was wrong. */
interface Refused {
  errors?: FormErrors;
  values?: Record<string, unknown>;
  /** The form the errors belong to, e.g. `status` or `quota:<universityId>`. */
  errorFor?: string;
}

const termPath = (code: string) => `/terminer/${encodeURIComponent(code)}`;

/**
 * The coordinator's work on a term: create it, watch the balance against the target, remind the
 * districts, set quotas, run the allocation, adjust it by hand and publish. Every action is the
 * API's own service call with the API's own DTO, so the rules are the same.
 */
@WebController()
@Roles(Role.Coordinator)
export class CoordinatorPagesController {
  constructor(
    private readonly view: ViewService,
    private readonly terms: TermsService,
    private readonly balance: BalanceService,
    private readonly reminders: RemindersService,
    private readonly allocation: AllocationService,
    private readonly assignments: AssignmentsService,
    private readonly publication: PublicationService,
    private readonly students: StudentsService,
    private readonly offers: OffersService,
    private readonly universities: UniversitiesService,
    private readonly districts: DistrictsService,
  ) {}

  // Terms

  @Get('terminer')
  termsPage(@Req() request: GuardedRequest): Promise<string> {
    return this.termsView(request, { values: { targetPlaces: 100 } });
  }

  @Post('terminer')
  async createTerm(@Req() request: GuardedRequest, @Res() response: Response, @Body() body: Record<string, unknown>): Promise<void> {
    const universities = await this.universities.list();
    // A university whose dates are both left empty gets no period; `given` maps the DTO's period index back to the form's.
    const given = universities
      .map((university, index) => ({ index, universityId: university.id, startsOn: this.date(body, `periods.${index}.startsOn`), endsOn: this.date(body, `periods.${index}.endsOn`) }))
      .filter((p) => p.startsOn || p.endsOn);
    const periods: TermPeriodDto[] = given.map(({ universityId, startsOn, endsOn }) => ({ universityId, startsOn, endsOn }));
    const code = (formValue.text(body.code) ?? '').trim().toUpperCase();
    const input = { code, targetPlaces: formValue.int(body.targetPlaces), reportingDeadline: formValue.text(body.reportingDeadline) ?? '', periods };
    const values = {
      code,
      targetPlaces: formValue.text(body.targetPlaces),
      reportingDeadline: input.reportingDeadline,
      ...Object.fromEntries(universities.flatMap((_, i) => [`periods.${i}.startsOn`, `periods.${i}.endsOn`].map((name) => [name, this.date(body, name)]))),
    };
    const toForm = (errors: FormErrors) =>
      Object.fromEntries(Object.entries(errors).map(([name, message]) => [name.replace(/^periods\.(\d+)\./, (_, k: string) => `periods.${given[Number(k)]?.index ?? k}.`), message]));

    const checked = await validateForm(CreateTermDto, input);
    if ('errors' in checked) return sendPage(response, 400, await this.termsView(request, { errors: toForm(checked.errors), values }));
    const result = await attempt(() => this.terms.create(request.actor!, checked.dto));
    if ('errors' in result) {
      // The one conflict on creating is a taken code: say it next to the code.
      const errors = result.status === 409 && result.errors._form ? { code: result.errors._form } : toForm(result.errors);
      return sendPage(response, result.status, await this.termsView(request, { errors, values }));
    }
    response.redirect(303, `${termPath(result.ok.code)}?klart=skapat`);
  }

  private async termsView(request: GuardedRequest, refused: Refused): Promise<string> {
    const universities = await this.universities.list();
    return this.view.page(request, 'coordinator/terms', {
      title: 'Terminer',
      terms: await this.terms.list(),
      universities,
      labels: {
        code: 'Terminskod',
        targetPlaces: 'Mål (antal platser)',
        reportingDeadline: 'Sista dag för rapportering',
        periods: 'VFU-perioder',
        ...Object.fromEntries(
          universities.flatMap((u, i) => [
            [`periods.${i}.startsOn`, `Första dagen, ${u.name}`],
            [`periods.${i}.endsOn`, `Sista dagen, ${u.name}`],
            [`periods.${i}.universityId`, u.name],
          ]),
        ),
      },
      ...refused,
    });
  }

  // The term's dashboard

  @Get('terminer/:code')
  dashboard(@Req() request: GuardedRequest, @Param('code') code: string): Promise<string> {
    return this.dashboardView(request, code, {});
  }

  @Post('terminer/:code/kvoter/:universityId')
  async overrideQuota(
    @Req() request: GuardedRequest,
    @Res() response: Response,
    @Param('code') code: string,
    @IdParam('universityId') universityId: string,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const refused = { values: { quota: formValue.text(body.quota) }, errorFor: `quota:${universityId}` };
    const checked = await validateForm(PutQuotaDto, { quota: formValue.int(body.quota) });
    if ('errors' in checked) return sendPage(response, 400, await this.dashboardView(request, code, { ...refused, errors: checked.errors }));
    const result = await attempt(() => this.balance.overrideQuota(request.actor!, code, universityId, checked.dto.quota));
    if ('errors' in result) return sendPage(response, result.status, await this.dashboardView(request, code, { ...refused, errors: result.errors }));
    response.redirect(303, `${termPath(code)}?klart=sparat#kvoter`);
  }

  @Post('terminer/:code/kvoter/:universityId/aterstall')
  async restoreQuota(@Req() request: GuardedRequest, @Res() response: Response, @Param('code') code: string, @IdParam('universityId') universityId: string): Promise<void> {
    const result = await attempt(() => this.balance.restoreQuota(request.actor!, code, universityId));
    if ('errors' in result) return sendPage(response, result.status, await this.dashboardView(request, code, { errors: result.errors, errorFor: `quota:${universityId}` }));
    response.redirect(303, `${termPath(code)}?klart=sparat#kvoter`);
  }

  @Post('terminer/:code/status')
  async moveStatus(@Req() request: GuardedRequest, @Res() response: Response, @Param('code') code: string, @Body() body: Record<string, unknown>): Promise<void> {
    const checked = await validateForm(UpdateTermDto, { status: formValue.text(body.status) });
    if ('errors' in checked) return sendPage(response, 400, await this.dashboardView(request, code, { errors: { _form: checked.errors.status ?? 'Kontrollera värdet.' }, errorFor: 'status' }));
    const result = await attempt(() => this.terms.update(request.actor!, code, checked.dto));
    if ('errors' in result) return sendPage(response, result.status, await this.dashboardView(request, code, { errors: result.errors, errorFor: 'status' }));
    response.redirect(303, `${termPath(code)}?klart=sparat`);
  }

  /** Sends the reminders and shows at once who got one and who has no contact person to get it. */
  @Post('terminer/:code/paminnelser')
  async remind(@Req() request: GuardedRequest, @Res() response: Response, @Param('code') code: string): Promise<void> {
    const result = await attempt(() => this.reminders.remindNow(request.actor!, code));
    if ('errors' in result) return sendPage(response, result.status, await this.dashboardView(request, code, { errors: result.errors, errorFor: 'reminders' }));
    sendPage(response, 200, await this.dashboardView(request, code, {}, result.ok));
  }

  @Post('terminer/:code/fordelning')
  async startRun(@Req() request: GuardedRequest, @Res() response: Response, @Param('code') code: string): Promise<void> {
    const result = await attempt(() => this.allocation.start(request.actor!, code));
    if ('errors' in result) return sendPage(response, result.status, await this.dashboardView(request, code, { errors: result.errors, errorFor: 'allocation' }));
    response.redirect(303, `${termPath(code)}/fordelning/${result.ok.id}`);
  }

  private async dashboardView(request: GuardedRequest, code: string, refused: Refused, reminders?: ReminderResultResponse): Promise<string> {
    const term = await this.terms.get(code);
    const [balance, universities, runs] = await Promise.all([this.balance.get(code), this.universities.list(), this.allocation.list(code)]);
    const chart = barChart({
      title: `Användbara platser per stadsdel, ${term.code}`,
      description: `Användbara platser som varje stadsdel har rapporterat. Stadsdelar som inte har rapporterat är streckade och märkta ”har inte rapporterat”. Samma siffror finns i tabellen.`,
      bars: balance.districts.map((d) => ({ label: d.name, value: d.usablePlaces, marked: !d.reported, note: '(har inte rapporterat)' })),
      unit: 'platser',
    });
    const next = nextStatus(term.status);
    return this.view.page(request, 'coordinator/dashboard', {
      title: `Terminsöversikt ${term.code}`,
      term,
      balance,
      chart,
      universityName: Object.fromEntries(universities.map((u) => [u.id, u.name])),
      next,
      nextByPublishing: next === TermStatus.Published,
      runs,
      reminders,
      labels: { quota: 'Ny kvot' },
      ...refused,
    });
  }

  // Allocation runs

  @Get('terminer/:code/fordelning/:runId')
  runPage(@Req() request: GuardedRequest, @Param('code') code: string, @IdParam('runId') runId: string): Promise<string> {
    return this.runView(request, code, runId, {});
  }

  @Post('terminer/:code/fordelning/:runId/tillampa')
  async applyRun(@Req() request: GuardedRequest, @Res() response: Response, @Param('code') code: string, @IdParam('runId') runId: string): Promise<void> {
    await this.runOf(code, runId);
    const result = await attempt(() => this.allocation.apply(request.actor!, runId));
    if ('errors' in result) return sendPage(response, result.status, await this.runView(request, code, runId, { errors: result.errors }));
    response.redirect(303, `${termPath(code)}/placeringar?klart=tillampat`);
  }

  /** The term and the run, if the run belongs to that term (else 404, as for any id that is not there). */
  private async runOf(code: string, runId: string): Promise<{ term: TermResponse; run: AllocationRun }> {
    const [term, run] = await Promise.all([this.terms.get(code), this.allocation.get(runId)]);
    if (run.termId !== term.id) throw AppError.notFound('Allocation run');
    return { term, run };
  }

  private async runView(request: GuardedRequest, code: string, runId: string, refused: Refused): Promise<string> {
    const { term, run } = await this.runOf(code, runId);
    const working = run.status === AllocationRunStatus.Queued || run.status === AllocationRunStatus.Running;
    const data: PageData = { title: `Fördelning ${term.code}`, term, run, working, ...(working ? { refresh: RUN_REFRESH_SECONDS } : {}), ...refused };
    if (run.status === AllocationRunStatus.Succeeded && run.outcome) {
      const names = await this.names(request, code);
      const student = (id: string) => names.students.get(id) ?? { name: 'Borttagen student', university: '–' };
      data.universities = run.outcome.universities.map((u) => ({ name: names.universities.get(u.universityId)?.name ?? '–', quota: u.quota, placed: u.placed }));
      data.unplaced = run.outcome.unplaced.map((u) => ({ ...student(u.studentId), reason: u.reason })).sort((a, b) => a.name.localeCompare(b.name, 'sv'));
      data.proposals = run.outcome.proposals
        .map((p) => {
          const offer = names.offers.get(p.offerId);
          return {
            ...student(p.studentId),
            district: offer ? (names.districts.get(offer.districtId) ?? '–') : '–',
            unit: offer?.unitName ?? 'Borttagen plats',
            field: offer?.field,
            supervisor: offer?.supervisors.find((s) => s.id === p.supervisorId)?.name ?? '–',
            cost: p.cost,
          };
        })
        .sort((a, b) => a.name.localeCompare(b.name, 'sv'));
    }
    return this.view.page(request, 'coordinator/run', data);
  }

  // Placements

  @Get('terminer/:code/placeringar')
  placementsPage(@Req() request: GuardedRequest, @Param('code') code: string, @Query() query: Record<string, unknown>): Promise<string> {
    const count = (value: unknown) => (typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : null);
    const published = count(query.publicerade);
    const mails = count(query.epost);
    return this.placementsView(request, code, {}, published !== null && mails !== null ? { published, mails } : undefined);
  }

  @Get('terminer/:code/placeringar.csv')
  async placementsCsv(@Req() request: GuardedRequest, @Res() response: Response, @Param('code') code: string): Promise<void> {
    const rows = await this.assignments.list(request.actor!, code);
    response.type('text/csv; charset=utf-8').attachment(`placeringar-${code}.csv`).send(assignmentsCsv(rows));
  }

  @Post('terminer/:code/placeringar')
  async assign(@Req() request: GuardedRequest, @Res() response: Response, @Param('code') code: string, @Body() body: Record<string, unknown>): Promise<void> {
    const input = { studentId: formValue.text(body.studentId) ?? '', offerId: formValue.text(body.offerId) ?? '', supervisorId: formValue.text(body.supervisorId) ?? '' };
    const refused = { values: input, errorFor: 'assign' };
    const checked = await validateForm(CreateAssignmentDto, input);
    if ('errors' in checked) return sendPage(response, 400, await this.placementsView(request, code, { ...refused, errors: checked.errors }));
    const result = await attempt(() => this.assignments.assign(request.actor!, code, checked.dto));
    if ('errors' in result) return sendPage(response, result.status, await this.placementsView(request, code, { ...refused, errors: result.errors }));
    response.redirect(303, `${termPath(code)}/placeringar?klart=sparat`);
  }

  @Post('terminer/:code/placeringar/:id/ta-bort')
  async unassign(@Req() request: GuardedRequest, @Res() response: Response, @Param('code') code: string, @IdParam() id: string): Promise<void> {
    const result = await attempt(() => this.assignments.unassign(request.actor!, id));
    if ('errors' in result) return sendPage(response, result.status, await this.placementsView(request, code, { errors: result.errors, errorFor: 'placements' }));
    response.redirect(303, `${termPath(code)}/placeringar?klart=borttaget`);
  }

  @Post('terminer/:code/publicera')
  async publish(@Req() request: GuardedRequest, @Res() response: Response, @Param('code') code: string): Promise<void> {
    const result = await attempt(() => this.publication.publish(request.actor!, code));
    if ('errors' in result) return sendPage(response, result.status, await this.placementsView(request, code, { errors: result.errors, errorFor: 'publish' }));
    response.redirect(303, `${termPath(code)}/placeringar?klart=publicerat&publicerade=${result.ok.published}&epost=${result.ok.notifications}`);
  }

  private async placementsView(request: GuardedRequest, code: string, refused: Refused, published?: { published: number; mails: number }): Promise<string> {
    const term = await this.terms.get(code);
    const [rows, names] = await Promise.all([this.assignments.list(request.actor!, code), this.names(request, code)]);
    const placed = new Set(rows.map((r) => r.studentId));
    const atOffer = (id: string) => rows.filter((r) => r.offerId === id).length;
    const withSupervisor = (id: string) => rows.filter((r) => r.supervisorId === id).length;
    const offers = [...names.offers.values()].map((o) => {
      const label = `${names.districts.get(o.districtId) ?? '–'} – ${o.unitName} – ${fieldName(o.field)}`;
      return { value: o.id, label: `${label} – ${Math.max(0, o.usablePlaces - atOffer(o.id))} av ${o.usablePlaces} lediga`, group: label, supervisors: o.supervisors.map((s) => ({
        value: s.id,
        label: `${s.name} – ${Math.max(0, (s.active ? s.capacity : 0) - withSupervisor(s.id))} av ${s.active ? s.capacity : 0} lediga – utbildning: ${TRAINING[s.trainingStatus].toLowerCase()}`,
      })) };
    });
    return this.view.page(request, 'coordinator/placements', {
      title: `Placeringar ${term.code}`,
      term,
      rows: rows.map((r) => ({ ...r, university: names.universities.get(r.universityId)?.code ?? '–', district: names.districts.get(r.districtId) ?? '–' })),
      // The same supervisor can be named on several offers: keep the choice under the offer chosen with it.
      supervisorGroup: offers.find((o) => o.value === refused.values?.offerId && o.supervisors.some((s) => s.value === refused.values?.supervisorId))?.value
        ?? offers.find((o) => o.supervisors.some((s) => s.value === refused.values?.supervisorId))?.value,
      unplacedStudents: [...names.students.entries()].filter(([id]) => !placed.has(id)).map(([id, s]) => ({ value: id, label: `${s.name} (${s.university})` })),
      offers,
      drafts: rows.filter((r) => r.status === 'draft').length,
      published,
      labels: { studentId: 'Student', offerId: 'Plats', supervisorId: 'Handledare' },
      ...refused,
    });
  }

  /** Names for the ids in runs and placements: the term's students and offers, the districts and universities. */
  private async names(request: GuardedRequest, code: string) {
    const [students, offers, districts, universities] = await Promise.all([
      this.students.list(request.actor!, code).then((list) => list as StudentResponse[]),
      this.offers.list(request.actor!, code, {}),
      this.districts.list(),
      this.universities.list(),
    ]);
    const university = new Map(universities.map((u) => [u.id, u]));
    const district = new Map(districts.map((d) => [d.id, d.name]));
    return {
      students: new Map(students.map((s) => [s.id, { name: s.name, university: university.get(s.universityId)?.code ?? '–' }])),
      offers: new Map(
        offers
          .map(OfferResponse.of)
          .sort((a, b) => (district.get(a.districtId) ?? '').localeCompare(district.get(b.districtId) ?? '', 'sv') || a.unitName.localeCompare(b.unitName, 'sv'))
          .map((o) => [o.id, o]),
      ),
      districts: district,
      universities: university,
    };
  }

  private date(body: Record<string, unknown>, name: string): string {
    return (formValue.text(body[name]) ?? '').trim();
  }

}
