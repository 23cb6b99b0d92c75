import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/auth/decorators';
import { Actor, Role } from '../common/auth/role';
import { IdParam } from '../common/http/id-param';
import { DemandService } from './demand.service';
import { DemandResponse, PutDemandDto } from './dto/demand.dto';

/** How many term-five students each university needs places for. */
@ApiTags('demand')
@ApiBearerAuth()
@Roles(Role.Coordinator, Role.UniversityCoordinator)
@ApiForbiddenResponse({ description: 'Another university than your own' })
@Controller('terms/:code/demand')
export class DemandController {
  constructor(private readonly demand: DemandService) {}

  @Get()
  list(@CurrentActor() actor: Actor, @Param('code') code: string): Promise<DemandResponse[]> {
    return this.demand.list(actor, code);
  }

  @Put(':universityId')
  @ApiConflictResponse({ description: 'The term has moved past reporting (university coordinators)' })
  put(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @IdParam('universityId') universityId: string,
    @Body() dto: PutDemandDto,
  ): Promise<DemandResponse> {
    return this.demand.put(actor, code, universityId, dto);
  }
}
