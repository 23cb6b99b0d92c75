import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/auth/decorators';
import { Actor, Role } from '../common/auth/role';
import { IdParam } from '../common/http/id-param';
import { ApiRefusals } from '../common/openapi/api-refusals.decorator';
import { UniversityResponse, UpdateUniversityDto } from './dto/university.dto';
import { UniversitiesService } from './universities.service';

@ApiTags('universities')
@ApiBearerAuth()
@Controller('universities')
export class UniversitiesController {
  constructor(private readonly universities: UniversitiesService) {}

  /** The three partner universities. */
  @Get()
  async list(): Promise<UniversityResponse[]> {
    return (await this.universities.list()).map(UniversityResponse.of);
  }

  /** One university. */
  @Get(':id')
  @ApiRefusals(400, 404)
  async get(@IdParam() id: string): Promise<UniversityResponse> {
    return UniversityResponse.of(await this.universities.get(id));
  }

  /** Renames a university. */
  @Roles(Role.Coordinator)
  @Patch(':id')
  @ApiRefusals(404, { 403: 'Only the coordinator' })
  async update(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: UpdateUniversityDto,
  ): Promise<UniversityResponse> {
    return UniversityResponse.of(await this.universities.update(actor, id, dto));
  }
}
