import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/auth/decorators';
import { Actor, Role } from '../common/auth/role';
import { ErasureResponse, PersonQueryDto } from './dto/person.dto';
import { PrivacyService } from './privacy.service';

/** The coordinator's tools for data subjects' rights: a register extract, and erasure. */
@ApiTags('people')
@ApiBearerAuth()
@Roles(Role.Coordinator)
@Controller('people')
export class PrivacyController {
  constructor(private readonly privacy: PrivacyService) {}

  /** Everything held on a person with this e-mail address; the look-up itself is audited. */
  @Get('export')
  export(@CurrentActor() actor: Actor, @Query() query: PersonQueryDto): Promise<Record<string, unknown>> {
    return this.privacy.exportPerson(actor, query.email);
  }

  /** Erases the person's data where no duty to keep it applies, and says what was kept and why. */
  @Post('erase')
  @HttpCode(200)
  erase(@CurrentActor() actor: Actor, @Body() dto: PersonQueryDto): Promise<ErasureResponse> {
    return this.privacy.erasePerson(actor, dto.email);
  }
}
