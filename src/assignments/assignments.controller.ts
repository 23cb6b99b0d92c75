import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../common/auth/decorators';
import { Actor, Role } from '../common/auth/role';
import { IdParam } from '../common/http/id-param';
import { withTotalCount } from '../common/http/paging';
import { ApiPaged } from '../common/openapi/api-paged.decorator';
import { ApiRefusals } from '../common/openapi/api-refusals.decorator';
import { AssignmentsService } from './assignments.service';
import { AssignmentQueryDto, AssignmentResponse, CreateAssignmentDto, PublishResponse } from './dto/assignment.dto';
import { PublicationService } from './publication.service';

@ApiTags('assignments')
@ApiBearerAuth()
@Controller()
export class AssignmentsController {
  constructor(
    private readonly assignments: AssignmentsService,
    private readonly publication: PublicationService,
  ) {}

  /**
   * The term's placements: the coordinator sees all, a district contact its own district's, a
   * university coordinator its own students'. `?format=csv` gives all the same rows as text/csv,
   * whatever `limit` and `offset` say.
   */
  @Get('terms/:code/assignments')
  @ApiProduces('application/json', 'text/csv')
  @ApiRefusals(400, 404)
  @ApiPaged()
  async list(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Query() query: AssignmentQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AssignmentResponse[] | StreamableFile> {
    if (query.format !== 'csv') return withTotalCount(response, await this.assignments.list(actor, code, query));
    const csv = await this.assignments.csv(actor, code);
    response.type('text/csv; charset=utf-8');
    response.attachment(`placeringar-${code}.csv`);
    return new StreamableFile(csv);
  }

  /** Places a student by hand; 409 when the offer, the supervisor or the quota is full, or the student is placed. */
  @Roles(Role.Coordinator)
  @Post('terms/:code/assignments')
  @HttpCode(201)
  @ApiRefusals(404, {
    403: 'Only the coordinator',
    409: 'Offer, supervisor or quota full; student already placed; term not allocating',
  })
  assign(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @Body() dto: CreateAssignmentDto,
  ): Promise<AssignmentResponse> {
    return this.assignments.assign(actor, code, dto);
  }

  /** Removes a draft placement. */
  @Roles(Role.Coordinator)
  @Delete('assignments/:id')
  @HttpCode(204)
  @ApiRefusals(400, 404, { 403: 'Only the coordinator', 409: 'The term is not allocating' })
  async unassign(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    await this.assignments.unassign(actor, id);
  }

  /** Makes the draft placements final, moves the term to published, and e-mails districts, universities and supervisors. */
  @Roles(Role.Coordinator)
  @Post('terms/:code/assignments/publish')
  @HttpCode(200)
  @ApiRefusals(404, {
    403: 'Only the coordinator',
    409: 'No draft placements, or the term is not allocating or published',
  })
  publish(@CurrentActor() actor: Actor, @Param('code') code: string): Promise<PublishResponse> {
    return this.publication.publish(actor, code);
  }
}
