import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/auth/decorators';
import { Actor, Role } from '../common/auth/role';
import { IdParam } from '../common/http/id-param';
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
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateStudentRequestDto): Promise<StudentRequestResponse> {
    const request = await this.requests.create(actor, dto);
    return StudentRequestResponse.of(request, this.requests.isOverdue(request));
  }

  /** `?overdue=true`: not answered within 14 days of forwarding. */
  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: StudentRequestQueryDto): Promise<StudentRequestResponse[]> {
    return (await this.requests.list(actor, query)).map((r) =>
      StudentRequestResponse.of(r, this.requests.isOverdue(r)),
    );
  }

  @Roles(Role.Coordinator, Role.UniversityCoordinator)
  @Patch(':id')
  @ApiConflictResponse({ description: 'Answered or closed already' })
  async update(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: UpdateStudentRequestDto,
  ): Promise<StudentRequestResponse> {
    const request = await this.requests.update(actor, id, dto);
    return StudentRequestResponse.of(request, this.requests.isOverdue(request));
  }
}
