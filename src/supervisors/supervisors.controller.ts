import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/auth/decorators';
import { Actor, Role } from '../common/auth/role';
import { IdParam } from '../common/http/id-param';
import { CreateSupervisorDto, SupervisorQueryDto, SupervisorResponse, UpdateSupervisorDto } from './dto/supervisor.dto';
import { SupervisorsService } from './supervisors.service';

/** A district's supervisors: its contact person keeps them; the coordinator may correct any. */
@ApiTags('supervisors')
@ApiBearerAuth()
@Roles(Role.Coordinator, Role.DistrictContact)
@ApiForbiddenResponse({ description: 'Another district than your own' })
@Controller('supervisors')
export class SupervisorsController {
  constructor(private readonly supervisors: SupervisorsService) {}

  @Post()
  @HttpCode(201)
  @ApiConflictResponse({ description: 'The district has a supervisor with this e-mail' })
  async create(@CurrentActor() actor: Actor, @Body() dto: CreateSupervisorDto): Promise<SupervisorResponse> {
    return SupervisorResponse.of(await this.supervisors.create(actor, dto));
  }

  @Get()
  async list(@CurrentActor() actor: Actor, @Query() query: SupervisorQueryDto): Promise<SupervisorResponse[]> {
    return (await this.supervisors.list(actor, query)).map(SupervisorResponse.of);
  }

  @Get(':id')
  async get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<SupervisorResponse> {
    return SupervisorResponse.of(await this.supervisors.get(actor, id));
  }

  /** 409 when a lower capacity or a deactivation leaves offers of an open term without supervision. */
  @Patch(':id')
  @ApiConflictResponse({ description: 'The supervisor would be over-committed, or the e-mail is taken' })
  async update(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: UpdateSupervisorDto,
  ): Promise<SupervisorResponse> {
    return SupervisorResponse.of(await this.supervisors.update(actor, id, dto));
  }
}
