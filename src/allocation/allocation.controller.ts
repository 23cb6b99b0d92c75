import { Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../common/auth/decorators';
import { Actor, Role } from '../common/auth/role';
import { IdParam } from '../common/http/id-param';
import { PageQueryDto } from '../common/http/page-query.dto';
import { mapPage, withTotalCount } from '../common/http/paging';
import { ApiPaged } from '../common/openapi/api-paged.decorator';
import { ApiRefusals } from '../common/openapi/api-refusals.decorator';
import { AllocationService } from './allocation.service';
import {
  AllocationRunQueuedResponse,
  AllocationRunResponse,
  AllocationRunSummaryResponse,
} from './dto/allocation-run.response';

@ApiTags('allocation')
@ApiBearerAuth()
@Roles(Role.Coordinator)
@ApiRefusals({ 403: 'Only the coordinator' })
@Controller()
export class AllocationController {
  constructor(private readonly allocation: AllocationService) {}

  /**
   * Starts an allocation run (a background job): the most students placed, then the least
   * preference cost, exactly. Poll GET /allocation-runs/{id}.
   */
  @Post('terms/:code/allocation-runs')
  @HttpCode(202)
  @ApiRefusals(404, { 409: 'The term is planning or closed' })
  async start(@CurrentActor() actor: Actor, @Param('code') code: string): Promise<AllocationRunQueuedResponse> {
    const run = await this.allocation.start(actor, code);
    return { id: run.id, status: run.status };
  }

  /** The term's allocation runs, newest first, as summaries (GET /allocation-runs/{id} gives the proposals). */
  @Get('terms/:code/allocation-runs')
  @ApiRefusals(400, 404)
  @ApiPaged()
  async list(
    @Param('code') code: string,
    @Query() query: PageQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AllocationRunSummaryResponse[]> {
    return withTotalCount(response, mapPage(await this.allocation.list(code, query), AllocationRunSummaryResponse.of));
  }

  /**
   * A run: its status, the placed and the unplaced students (with the reason), each
   * university's placed against its quota, and the proposals.
   */
  @Get('allocation-runs/:id')
  @ApiRefusals(400, 404)
  async get(@IdParam() id: string): Promise<AllocationRunResponse> {
    return AllocationRunResponse.of(await this.allocation.get(id));
  }

  /** Replaces the term's draft placements with the run's proposals. */
  @Post('allocation-runs/:id/apply')
  @HttpCode(200)
  @ApiRefusals(400, 404, { 409: 'The run has not succeeded, or the term changed since it ran' })
  apply(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<{ applied: number }> {
    return this.allocation.apply(actor, id);
  }
}
