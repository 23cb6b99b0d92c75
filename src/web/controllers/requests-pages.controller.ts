import { Get, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { GuardedRequest } from '../../auth/access.guard';
import { Roles } from '../../common/auth/decorators';
import { Role } from '../../common/auth/role';
import { IdParam } from '../../common/http/id-param';
import { DistrictsService } from '../../districts/districts.service';
import {
  CreateStudentRequestDto,
  StudentRequestResponse,
  UpdateStudentRequestDto,
} from '../../student-requests/dto/student-request.dto';
import { StudentRequestStatus } from '../../student-requests/student-request-status';
import { ANSWER_WITHIN_DAYS, StudentRequestsService } from '../../student-requests/student-requests.service';
import { UniversitiesService } from '../../universities/universities.service';
import { FormFlow, Refused } from '../form-flow';
import { formValue } from '../forms';
import { CONFIRM } from '../texts';
import { requestForm, requestInput, requestsPage } from '../view-models/requests';
import { LIST_PAGE, offsetFrom } from '../view-models/pager';
import { ViewService } from '../view.service';
import { WebController } from '../web-controller';

/** Students' requests for a placement: districts log them, universities answer, the coordinator follows up. */
@WebController()
export class RequestsPagesController {
  constructor(
    private readonly view: ViewService,
    private readonly form: FormFlow,
    private readonly requests: StudentRequestsService,
    private readonly districts: DistrictsService,
    private readonly universities: UniversitiesService,
  ) {}

  @Get('forfragningar')
  list(@Req() request: GuardedRequest): Promise<string> {
    return this.page(request);
  }

  @Post('forfragningar')
  @Roles(Role.DistrictContact)
  create(@Req() request: GuardedRequest, @Res() response: Response): Promise<void> {
    return this.form.submit(request, response, {
      dto: CreateStudentRequestDto,
      input: requestInput,
      call: (dto) => this.requests.create(request.actor!, dto),
      done: async (created) => ({
        redirect: '/forfragningar',
        confirmation: CONFIRM.requestForwarded({
          studentName: created.studentName,
          university: created.universityId ? (await this.universities.get(created.universityId)).name : undefined,
        }),
      }),
      page: (refused) => this.page(request, refused),
    });
  }

  /** A university coordinator marks a request answered; the coordinator closes one. */
  @Post('forfragningar/:id')
  @Roles(Role.UniversityCoordinator, Role.Coordinator)
  update(@Req() request: GuardedRequest, @Res() response: Response, @IdParam() id: string): Promise<void> {
    return this.form.submit(request, response, {
      dto: UpdateStudentRequestDto,
      input: (body) => ({ status: formValue.text(body.status), answer: formValue.optionalText(body.answer) }),
      call: (dto) => this.requests.update(request.actor!, id, dto),
      errorFor: requestForm(id),
      done: (updated) => ({
        redirect: `/forfragningar${request.query.forsenade === '1' ? '?forsenade=1' : ''}`,
        confirmation:
          updated.status === StudentRequestStatus.Closed
            ? CONFIRM.requestClosed(updated)
            : CONFIRM.requestAnswered(updated),
      }),
      page: (refused) => this.page(request, refused),
    });
  }

  private async page(request: GuardedRequest, refused?: Refused): Promise<string> {
    const actor = request.actor!;
    const overdueOnly = actor.role === Role.Coordinator && request.query.forsenade === '1';
    const offset = offsetFrom(request.query.offset);
    const [found, districts, universities] = await Promise.all([
      this.requests.list(actor, { limit: LIST_PAGE, offset, ...(overdueOnly ? { overdue: 'true' } : {}) }),
      this.districts.list(),
      this.universities.list(),
    ]);
    const requests = found.rows.map((r) => StudentRequestResponse.of(r, this.requests.isOverdue(r)));
    const data = {
      role: actor.role,
      contactDistrictId: actor.districtId,
      requests,
      listed: { offset, total: found.total },
      overdueOnly,
      answerWithinDays: ANSWER_WITHIN_DAYS,
      districts,
      universities,
    };
    return this.view.page(request, 'requests/list', requestsPage(data, refused));
  }
}
