import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/auth/decorators';
import { Actor, Role } from '../common/auth/role';
import { IdParam } from '../common/http/id-param';
import { ApiRefusals } from '../common/openapi/api-refusals.decorator';
import { DemandService } from './demand.service';
import { DemandResponse, PutDemandDto } from './dto/demand.dto';

/** How many term-five students each university needs places for. */
@ApiTags('demand')
@ApiBearerAuth()
@Roles(Role.Coordinator, Role.UniversityCoordinator)
@ApiRefusals({ 403: 'Not the coordinator or a university coordinator, or another university than your own' })
@Controller('terms/:code/demand')
export class DemandController {
  constructor(private readonly demand: DemandService) {}

  /** Each university's requested places for the term (a university coordinator: their own). */
  @Get()
  @ApiRefusals(404)
  list(@CurrentActor() actor: Actor, @Param('code') code: string): Promise<DemandResponse[]> {
    return this.demand.list(actor, code);
  }

  /** States how many places a university needs this term. */
  @Put(':universityId')
  @ApiRefusals(404, { 409: 'The term has moved past reporting (university coordinators)' })
  put(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @IdParam('universityId') universityId: string,
    @Body() dto: PutDemandDto,
  ): Promise<DemandResponse> {
    return this.demand.put(actor, code, universityId, dto);
  }
}
