import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/auth/decorators';
import { Actor, Role } from '../common/auth/role';
import { ApiRefusals } from '../common/openapi/api-refusals.decorator';
import { ErasureResponse, PersonQueryDto } from './dto/person.dto';
import { PrivacyService } from './privacy.service';

/** The coordinator's tools for data subjects' rights: a register extract, and erasure. */
@ApiTags('people')
@ApiBearerAuth()
@Roles(Role.Coordinator)
@ApiRefusals({ 403: 'Only the coordinator' })
@Controller('people')
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  /** Everything held on a person with this e-mail address; the look-up itself is audited. */
  @Get('export')
  @ApiRefusals(400)
  export(@CurrentActor() actor: Actor, @Query() query: PersonQueryDto): Promise<Record<string, unknown>> {
    return this.privacy.exportPerson(actor, query.email);
  }

  /** Erases the person's data where no duty to keep it applies, and says what was kept and why. */
  @Post('erase')
  @HttpCode(200)
  @ApiRefusals({ 409: 'The coordinator would erase themself' })
  erase(@CurrentActor() actor: Actor, @Body() dto: PersonQueryDto): Promise<ErasureResponse> {
    return this.privacy.erasePerson(actor, dto.email);
  }
}
