import { Body, Controller, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../common/auth/decorators';
import { Actor, Role } from '../common/auth/role';
import { IdParam } from '../common/http/id-param';
import { mapPage, withTotalCount } from '../common/http/paging';
import { ApiPaged } from '../common/openapi/api-paged.decorator';
import { ApiRefusals } from '../common/openapi/api-refusals.decorator';
import {
  CreateStudentRequestDto,
  StudentRequestQueryDto,
  StudentRequestResponse,
  UpdateStudentRequestDto,
} from './dto/student-request.dto';
import { StudentRequestsService } from './student-requests.service';

/** Students asking a district for a placement: forwarded to the universities, who answer. */
@ApiTags('student-requests')
@ApiBearerAuth()
@Controller('student-requests')
export class StudentRequestsController {
  constructor(private readonly requests: StudentRequestsService) {}

  /** A district contact logs a request; it is e-mailed to the student's university (or all three). */
  @Roles(Role.Coordinator, Role.DistrictContact)
  @Post()
  @HttpCode(201)
  @ApiRefusals({ 403: 'Not the coordinator or a district contact' })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateStudentRequestDto): Promise<StudentRequestResponse> {
    const request = await this.requests.create(actor, dto);
    return StudentRequestResponse.of(request, this.requests.isOverdue(request));
  }

  /** `?overdue=true`: not answered within 14 days of forwarding. */
  @Get()
  @ApiRefusals(400)
  @ApiPaged()
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: StudentRequestQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StudentRequestResponse[]> {
    const page = await this.requests.list(actor, query);
    return withTotalCount(
      response,
      mapPage(page, (r) => StudentRequestResponse.of(r, this.requests.isOverdue(r))),
    );
  }

  /** Marks a request answered (or closed) by the university it was forwarded to. */
  @Roles(Role.Coordinator, Role.UniversityCoordinator)
  @Patch(':id')
  @ApiRefusals(404, {
    403: 'Not the coordinator or a university coordinator, or the request was not forwarded to your university',
    409: 'Answered or closed already',
  })
  async update(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: UpdateStudentRequestDto,
  ): Promise<StudentRequestResponse> {
    const request = await this.requests.update(actor, id, dto);
    return StudentRequestResponse.of(request, this.requests.isOverdue(request));
  }
}
