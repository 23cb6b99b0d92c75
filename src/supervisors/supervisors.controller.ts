import { Body, Controller, Get, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentActor, Roles } from '../common/auth/decorators';
import { Actor, Role } from '../common/auth/role';
import { IdParam } from '../common/http/id-param';
import { mapPage, withTotalCount } from '../common/http/paging';
import { ApiPaged } from '../common/openapi/api-paged.decorator';
import { ApiRefusals } from '../common/openapi/api-refusals.decorator';
import { CreateSupervisorDto, SupervisorQueryDto, SupervisorResponse, UpdateSupervisorDto } from './dto/supervisor.dto';
import { SupervisorsService } from './supervisors.service';

/** A district's supervisors: its contact person keeps them; the coordinator may correct any. */
@ApiTags('supervisors')
@ApiBearerAuth()
@Roles(Role.Coordinator, Role.DistrictContact)
@ApiRefusals({ 403: 'Not the coordinator or a district contact, or another district than your own' })
@Controller('supervisors')
export class SupervisorsController {
  constructor(private readonly supervisors: SupervisorsService) {}

  /** Adds a supervisor to a district, with their training status and capacity (1–2 students). */
  @Post()
  @HttpCode(201)
  @ApiRefusals({ 409: 'The district has a supervisor with this e-mail' })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateSupervisorDto): Promise<SupervisorResponse> {
    return SupervisorResponse.of(await this.supervisors.create(actor, dto));
  }

  /** The supervisors of your district (a contact) or of every district, or the one asked for (the coordinator). */
  @Get()
  @ApiRefusals(400)
  @ApiPaged()
  async list(
    @CurrentActor() actor: Actor,
    @Query() query: SupervisorQueryDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SupervisorResponse[]> {
    return withTotalCount(response, mapPage(await this.supervisors.list(actor, query), SupervisorResponse.of));
  }

  /** One supervisor. */
  @Get(':id')
  @ApiRefusals(400, 404)
  async get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<SupervisorResponse> {
    return SupervisorResponse.of(await this.supervisors.get(actor, id));
  }

  /**
   * Changes a supervisor; 409 when a lower capacity or a deactivation leaves offers of an open
   * term without supervision.
   */
  @Patch(':id')
  @ApiRefusals(404, { 409: 'The supervisor would be over-committed, or the e-mail is taken' })
  async update(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: UpdateSupervisorDto,
  ): Promise<SupervisorResponse> {
    return SupervisorResponse.of(await this.supervisors.update(actor, id, dto));
  }
}
