import { Get, Param, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { AllocationRunStatus } from '../../allocation/allocation-run-status';
import { AllocationService } from '../../allocation/allocation.service';
import type { AllocationRun } from '../../allocation/entities/allocation-run.entity';
import { AssignmentsService } from '../../assignments/assignments.service';
import { CreateAssignmentDto } from '../../assignments/dto/assignment.dto';
import { PublicationService } from '../../assignments/publication.service';
import { GuardedRequest } from '../../auth/access.guard';
import { BalanceService } from '../../balance/balance.service';
import { PutQuotaDto } from '../../balance/dto/quota.dto';
import { Roles } from '../../common/auth/decorators';
import { Role } from '../../common/auth/role';
import { AppError } from '../../common/errors/app-error';
import { IdParam } from '../../common/http/id-param';
import type { Paged } from '../../common/http/paging';
import { DistrictsService } from '../../districts/districts.service';
import { OfferResponse } from '../../offers/dto/offer.response';
import { OffersService } from '../../offers/offers.service';
import { ReminderResultResponse } from '../../reminders/dto/reminder-result.response';
import { RemindersService } from '../../reminders/reminders.service';
import { StudentResponse } from '../../students/dto/student.response';
import { StudentsService } from '../../students/students.service';
import { CreateTermDto, UpdateTermDto } from '../../terms/dto/term.dto';
import { TermResponse } from '../../terms/dto/term.response';
import { TermsErrors } from '../../terms/terms.errors';
import { TermsService } from '../../terms/terms.service';
import { UniversitiesService } from '../../universities/universities.service';
import { FormFlow, Refused } from '../form-flow';
import { formValue } from '../forms';
import { CONFIRM } from '../texts';
import {
  dashboardPage,
  placementsPage,
  runPage,
  termForm,
  TermNames,
  termNames,
  termsPage,
} from '../view-models/coordinator';
import { offsetFrom } from '../view-models/pager';
import { ViewService } from '../view.service';
import { WebController } from '../web-controller';

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
    private readonly form: FormFlow,
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
  termList(@Req() request: GuardedRequest): Promise<string> {
    return this.termsView(request);
  }

  @Post('terminer')
  async createTerm(@Req() request: GuardedRequest, @Res() response: Response): Promise<void> {
    return this.form.submit(request, response, {
      dto: CreateTermDto,
      ...termForm(await this.universities.list()),
      call: (dto) => this.terms.create(request.actor!, dto),
      conflictField: { [TermsErrors.term_code_taken.code]: 'code' },
      done: (term) => ({ redirect: termPath(term.code), confirmation: CONFIRM.termCreated(term) }),
      page: (refused) => this.termsView(request, refused),
    });
  }

  private async termsView(request: GuardedRequest, refused?: Refused): Promise<string> {
    const [terms, universities] = await Promise.all([this.terms.list(), this.universities.list()]);
    return this.view.page(request, 'coordinator/terms', termsPage({ terms, universities }, refused));
  }

  // The term's dashboard

  @Get('terminer/:code')
  dashboard(@Req() request: GuardedRequest, @Param('code') code: string): Promise<string> {
    return this.dashboardView(request, code);
  }

  @Post('terminer/:code/kvoter/:universityId')
  overrideQuota(
    @Req() request: GuardedRequest,
    @Res() response: Response,
    @Param('code') code: string,
    @IdParam('universityId') universityId: string,
  ): Promise<void> {
    return this.form.submit(request, response, {
      dto: PutQuotaDto,
      input: (body) => ({ quota: formValue.int(body.quota) }),
      call: (dto) => this.balance.overrideQuota(request.actor!, code, universityId, dto.quota),
      errorFor: `quota:${universityId}`,
      done: async (set) => ({
        redirect: `${termPath(code)}#kvoter`,
        confirmation: CONFIRM.quotaSet({ university: await this.universityName(universityId), quota: set.quota }),
      }),
      page: (refused) => this.dashboardView(request, code, refused),
    });
  }

  @Post('terminer/:code/kvoter/:universityId/aterstall')
  restoreQuota(
    @Req() request: GuardedRequest,
    @Res() response: Response,
    @Param('code') code: string,
    @IdParam('universityId') universityId: string,
  ): Promise<void> {
    return this.form.submit(request, response, {
      call: () => this.balance.restoreQuota(request.actor!, code, universityId),
      errorFor: `quota:${universityId}`,
      done: async () => ({
        redirect: `${termPath(code)}#kvoter`,
        confirmation: CONFIRM.quotaRestored({ university: await this.universityName(universityId) }),
      }),
      page: (refused) => this.dashboardView(request, code, refused),
    });
  }

  @Post('terminer/:code/status')
  moveStatus(@Req() request: GuardedRequest, @Res() response: Response, @Param('code') code: string): Promise<void> {
    return this.form.submit(request, response, {
      dto: UpdateTermDto,
      input: (body) => ({ status: formValue.text(body.status) }),
      call: (dto) => this.terms.update(request.actor!, code, dto),
      errorFor: 'status',
      onForm: 'above',
      done: (term) => ({ redirect: termPath(code), confirmation: CONFIRM.termMoved(term) }),
      page: (refused) => this.dashboardView(request, code, refused),
    });
  }

  /** Sends the reminders and shows at once who got one and who has no contact person to get it. */
  @Post('terminer/:code/paminnelser')
  remind(@Req() request: GuardedRequest, @Res() response: Response, @Param('code') code: string): Promise<void> {
    return this.form.submit(request, response, {
      call: () => this.reminders.remindNow(request.actor!, code),
      errorFor: 'reminders',
      done: async (reminders) => ({ show: await this.dashboardView(request, code, undefined, reminders) }),
      page: (refused) => this.dashboardView(request, code, refused),
    });
  }

  @Post('terminer/:code/fordelning')
  startRun(@Req() request: GuardedRequest, @Res() response: Response, @Param('code') code: string): Promise<void> {
    return this.form.submit(request, response, {
      call: () => this.allocation.start(request.actor!, code),
      errorFor: 'allocation',
      done: (run) => ({
        redirect: `${termPath(code)}/fordelning/${run.id}`,
        confirmation: CONFIRM.allocationStarted({ code }),
      }),
      page: (refused) => this.dashboardView(request, code, refused),
    });
  }

  private async dashboardView(
    request: GuardedRequest,
    code: string,
    refused?: Refused,
    reminders?: ReminderResultResponse,
  ): Promise<string> {
    const term = await this.terms.get(code);
    const [balance, universities, { rows: runs }] = await Promise.all([
      this.balance.get(code),
      this.universities.list(),
      this.allocation.list(code),
    ]);
    return this.view.page(
      request,
      'coordinator/dashboard',
      dashboardPage({ term, balance, universities, runs, reminders }, refused),
    );
  }

  private async universityName(id: string): Promise<string> {
    return (await this.universities.get(id)).name;
  }

  // Allocation runs

  @Get('terminer/:code/fordelning/:runId')
  run(@Req() request: GuardedRequest, @Param('code') code: string, @IdParam('runId') runId: string): Promise<string> {
    return this.runView(request, code, runId);
  }

  @Post('terminer/:code/fordelning/:runId/tillampa')
  async applyRun(
    @Req() request: GuardedRequest,
    @Res() response: Response,
    @Param('code') code: string,
    @IdParam('runId') runId: string,
  ): Promise<void> {
    await this.runOf(code, runId);
    return this.form.submit(request, response, {
      call: () => this.allocation.apply(request.actor!, runId),
      done: ({ applied }) => ({
        redirect: `${termPath(code)}/placeringar`,
        confirmation: CONFIRM.proposalApplied({ code, applied }),
      }),
      page: (refused) => this.runView(request, code, runId, refused),
    });
  }

  /** The term and the run, if the run belongs to that term (else 404, as for any id that is not there). */
  private async runOf(code: string, runId: string): Promise<{ term: TermResponse; run: AllocationRun }> {
    const [term, run] = await Promise.all([this.terms.get(code), this.allocation.get(runId)]);
    if (run.termId !== term.id) throw AppError.notFound('allocation_run');
    return { term, run };
  }

  private async runView(request: GuardedRequest, code: string, runId: string, refused?: Refused): Promise<string> {
    const { term, run } = await this.runOf(code, runId);
    const names = run.status === AllocationRunStatus.Succeeded ? await this.names(request, code) : undefined;
    return this.view.page(request, 'coordinator/run', runPage({ term, run, names }, refused));
  }

  // Placements

  @Get('terminer/:code/placeringar')
  placementList(@Req() request: GuardedRequest, @Param('code') code: string): Promise<string> {
    return this.placementsView(request, code);
  }

  @Get('terminer/:code/placeringar.csv')
  async placementsCsv(
    @Req() request: GuardedRequest,
    @Res() response: Response,
    @Param('code') code: string,
  ): Promise<void> {
    const csv = await this.assignments.csv(request.actor!, code);
    response.type('text/csv; charset=utf-8').attachment(`placeringar-${code}.csv`).send(csv);
  }

  @Post('terminer/:code/placeringar')
  assign(@Req() request: GuardedRequest, @Res() response: Response, @Param('code') code: string): Promise<void> {
    return this.form.submit(request, response, {
      dto: CreateAssignmentDto,
      input: (body) => ({
        studentId: formValue.text(body.studentId) ?? '',
        offerId: formValue.text(body.offerId) ?? '',
        supervisorId: formValue.text(body.supervisorId) ?? '',
      }),
      call: (dto) => this.assignments.assign(request.actor!, code, dto),
      errorFor: 'assign',
      done: (placement) => ({
        redirect: `${termPath(code)}/placeringar`,
        confirmation: CONFIRM.studentPlaced(placement),
      }),
      page: (refused) => this.placementsView(request, code, refused),
    });
  }

  @Post('terminer/:code/placeringar/:id/ta-bort')
  async unassign(
    @Req() request: GuardedRequest,
    @Res() response: Response,
    @Param('code') code: string,
    @IdParam() id: string,
  ): Promise<void> {
    const placement = (await this.assignments.list(request.actor!, code)).rows.find((r) => r.id === id);
    if (!placement) throw AppError.notFound('assignment');
    return this.form.submit(request, response, {
      call: () => this.assignments.unassign(request.actor!, id),
      errorFor: 'placements',
      done: () => ({ redirect: `${termPath(code)}/placeringar`, confirmation: CONFIRM.placementRemoved(placement) }),
      page: (refused) => this.placementsView(request, code, refused),
    });
  }

  @Post('terminer/:code/publicera')
  publish(@Req() request: GuardedRequest, @Res() response: Response, @Param('code') code: string): Promise<void> {
    return this.form.submit(request, response, {
      call: () => this.publication.publish(request.actor!, code),
      errorFor: 'publish',
      done: (published) => ({
        redirect: `${termPath(code)}/placeringar`,
        confirmation: CONFIRM.published({ code, ...published }),
      }),
      page: (refused) => this.placementsView(request, code, refused),
    });
  }

  private async placementsView(request: GuardedRequest, code: string, refused?: Refused): Promise<string> {
    const offset = offsetFrom(request.query.offset);
    const [term, { rows }, names] = await Promise.all([
      this.terms.get(code),
      this.assignments.list(request.actor!, code),
      this.names(request, code),
    ]);
    return this.view.page(request, 'coordinator/placements', placementsPage({ term, rows, names, offset }, refused));
  }

  /** Names for the ids in runs and placements: the term's students and offers, the districts and universities. */
  private async names(request: GuardedRequest, code: string): Promise<TermNames> {
    const [{ rows: students }, { rows: offers }, districts, universities] = await Promise.all([
      this.students.list(request.actor!, code) as Promise<Paged<StudentResponse>>,
      this.offers.list(request.actor!, code, {}),
      this.districts.list(),
      this.universities.list(),
    ]);
    return termNames({ students, offers: offers.map(OfferResponse.of), districts, universities });
  }
}
