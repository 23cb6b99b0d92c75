import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/auth/decorators';
import { Actor, Role } from '../common/auth/role';
import { IdParam } from '../common/http/id-param';
import { ApiRefusals } from '../common/openapi/api-refusals.decorator';
import { DistrictsService } from './districts.service';
import { DistrictResponse } from './dto/district.response';
import { UpdateDistrictDto } from './dto/update-district.dto';

@ApiTags('districts')
@ApiBearerAuth()
@Controller('districts')
export class DistrictsController {
  constructor(private readonly districts: DistrictsService) {}

  /** The city's districts (stadsdelar) with their contact persons. */
  @Get()
  async list(): Promise<DistrictResponse[]> {
    return (await this.districts.list()).map(DistrictResponse.of);
  }

  /** One district. */
  @Get(':id')
  @ApiRefusals(400, 404)
  async get(@IdParam() id: string): Promise<DistrictResponse> {
    return DistrictResponse.of(await this.districts.get(id));
  }

  /** Rename, (de)activate, or set the district's one contact person. */
  @Roles(Role.Coordinator)
  @Patch(':id')
  @ApiRefusals(404, { 403: 'Only the coordinator' })
  async update(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: UpdateDistrictDto,
  ): Promise<DistrictResponse> {
    return DistrictResponse.of(await this.districts.update(actor, id, dto));
  }
}
