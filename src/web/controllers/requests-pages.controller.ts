import { Body, Get, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { GuardedRequest } from '../../auth/access.guard';
import { Roles } from '../../common/auth/decorators';
import { Role } from '../../common/auth/role';
import { IdParam } from '../../common/http/id-param';
import { DistrictsService } from '../../districts/districts.service';
import { CreateStudentRequestDto, StudentRequestResponse, UpdateStudentRequestDto } from '../../student-requests/dto/student-request.dto';
import { StudentRequestStatus } from '../../student-requests/entities/student-request.entity';
import { ANSWER_WITHIN_DAYS, StudentRequestsService } from '../../student-requests/student-requests.service';
import { UniversitiesService } from '../../universities/universities.service';
import { attempt, formValue, validateForm } from '../forms';
import { FormErrors, ViewService, sendPage } from '../view.service';
import { WebController } from '../web-controller';

type FormBody = Record<string, unknown>;

const REQUEST_LABELS = {
  studentName: 'Studentens namn',
  studentEmail: 'Studentens e-postadress',
  universityId: 'Studentens lärosäte',
  otherUniversity: 'Annat lärosäte',
  message: 'Förfrågan',
  receivedOn: 'Mottagen',
  status: 'Status',
  answer: 'Svar',
};

interface PageState {
  /** The new-request form (district contacts). */
  errors?: FormErrors;
  values?: Record<string, unknown>;
  /** A refused answer or close: shown beside that request's own form. */
  failed?: { id: string; errors: FormErrors; values: Record<string, unknown> };
}

/** Students' requests for a placement: districts log them, universities answer, the coordinator follows up. */
@WebController()
export class RequestsPagesController {
  constructor(
    private readonly view: ViewService,
    private readonly requests: StudentRequestsService,
    private readonly districts: DistrictsService,
    private readonly universities: UniversitiesService,
  ) {}

  @Get('forfragningar')
  async list(@Req() request: GuardedRequest): Promise<string> {
    return this.page(request, {});
  }

  @Post('forfragningar')
  @Roles(Role.DistrictContact)
  async create(@Req() request: GuardedRequest, @Res() response: Response, @Body() body: FormBody): Promise<void> {
    const values = {
      studentName: body.studentName,
      studentEmail: body.studentEmail,
      universityId: body.universityId,
      otherUniversity: body.otherUniversity,
      message: body.message,
      receivedOn: body.receivedOn,
    };
    const input = {
      studentName: formValue.text(body.studentName),
      studentEmail: formValue.text(body.studentEmail),
      universityId: formValue.optionalText(body.universityId),
      otherUniversity: formValue.optionalText(body.otherUniversity),
      message: formValue.text(body.message),
      receivedOn: formValue.optionalText(body.receivedOn),
    };
    const form = await validateForm(CreateStudentRequestDto, input);
    const result = 'errors' in form ? { errors: form.errors, status: 400 } : await attempt(() => this.requests.create(request.actor!, form.dto));
    if ('errors' in result) {
      sendPage(response, result.status, await this.page(request, { errors: result.errors, values }));
      return;
    }
    response.redirect(303, '/forfragningar?klart=forfragan_skickad');
  }

  /** A university coordinator marks a request answered; the coordinator closes one. */
  @Post('forfragningar/:id')
  @Roles(Role.UniversityCoordinator, Role.Coordinator)
  async update(@Req() request: GuardedRequest, @Res() response: Response, @IdParam() id: string, @Body() body: FormBody): Promise<void> {
    const values = { answer: body.answer };
    const form = await validateForm(UpdateStudentRequestDto, { status: formValue.text(body.status), answer: formValue.optionalText(body.answer) });
    const result = 'errors' in form ? { errors: form.errors, status: 400 } : await attempt(() => this.requests.update(request.actor!, id, form.dto));
    if ('errors' in result) {
      sendPage(response, result.status, await this.page(request, { failed: { id, errors: result.errors, values } }));
      return;
    }
    response.redirect(303, `/forfragningar?${request.query.forsenade === '1' ? 'forsenade=1&' : ''}klart=sparat`);
  }

  private async page(request: GuardedRequest, state: PageState): Promise<string> {
    const actor = request.actor!;
    const overdueOnly = actor.role === Role.Coordinator && request.query.forsenade === '1';
    const [found, districts, universities] = await Promise.all([
      this.requests.list(actor, overdueOnly ? { overdue: 'true' } : {}),
      this.districts.list(),
      this.universities.list(),
    ]);
    const requests = found.map((r) => StudentRequestResponse.of(r, this.requests.isOverdue(r)));
    return this.view.page(request, 'requests/list', {
      title: 'Förfrågningar från studenter',
      role: actor.role,
      requests,
      open: requests.filter((r) => r.status === StudentRequestStatus.Forwarded).length,
      overdueOnly,
      answerWithinDays: ANSWER_WITHIN_DAYS,
      districtName: Object.fromEntries(districts.map((d) => [d.id, d.name])),
      districtOfContact: actor.districtId ? districts.find((d) => d.id === actor.districtId)?.name : undefined,
      universities,
      universityName: Object.fromEntries(universities.map((u) => [u.id, u.name])),
      labels: REQUEST_LABELS,
      errors: state.errors,
      values: state.values ?? {},
      failed: state.failed,
    });
  }
}
