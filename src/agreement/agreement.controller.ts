import { Body, Controller, Delete, Get, HttpCode, Param, ParseIntPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../common/auth/decorators';
import { Actor } from '../common/auth/role';
import { AppError } from '../common/errors/app-error';
import { problem } from '../common/errors/error-spec';
import { ApiRefusals } from '../common/openapi/api-refusals.decorator';
import { AgreementErrors } from './agreement.errors';
import { AgreementService } from './agreement.service';
import { AgreementResponse, NoticeDto, ProposeRevisionDto } from './dto/agreement.dto';

const VersionParam = () =>
  Param(
    'version',
    new ParseIntPipe({
      exceptionFactory: () => AppError.invalid([problem(AgreementErrors.invalid_version_number, 'version', {})]),
    }),
  );

/** The letter of intent (avsiktsförklaring): read by everyone; the parties revise it or leave. */
@ApiTags('agreement')
@ApiBearerAuth()
@Controller('agreement')
export class AgreementController {
  constructor(private readonly agreement: AgreementService) {}

  /** The text in force, a revision awaiting approval, the parties and who remains, and every version. */
  @Get()
  get(): Promise<AgreementResponse> {
    return this.agreement.get();
  }

  /** Proposes a revised text (the city through the coordinator, a university through its coordinator). */
  @Post('revisions')
  @HttpCode(201)
  @ApiRefusals({
    403: 'Not a party to the agreement, or a party that has left',
    409: 'A revision is awaiting approval already',
  })
  propose(@CurrentActor() actor: Actor, @Body() dto: ProposeRevisionDto): Promise<AgreementResponse> {
    return this.agreement.propose(actor, dto);
  }

  /** The actor's party approves; the revision takes effect when every remaining party has. */
  @Post('revisions/:version/approve')
  @HttpCode(200)
  @ApiRefusals(400, 404, {
    403: 'Not a party to the agreement, or a party that has left',
    409: 'The version is not a proposed revision',
  })
  approve(@CurrentActor() actor: Actor, @VersionParam() version: number): Promise<AgreementResponse> {
    return this.agreement.approve(actor, version);
  }

  /** The proposing party (or the coordinator) withdraws a revision before it takes effect. */
  @Post('revisions/:version/withdraw')
  @HttpCode(200)
  @ApiRefusals(400, {
    403: 'Neither the proposing party nor the coordinator, or a party that has left',
    409: 'The version is not a proposed revision',
  })
  withdraw(@CurrentActor() actor: Actor, @VersionParam() version: number): Promise<AgreementResponse> {
    return this.agreement.withdraw(actor, version);
  }

  /** The actor's party gives notice to leave, at least six months ahead; the others are told by e-mail. */
  @Post('notice')
  @HttpCode(200)
  @ApiRefusals({
    400: 'Less than six months’ notice',
    403: 'Not a party to the agreement, or a party that has left',
    409: 'The party has given notice already',
  })
  giveNotice(@CurrentActor() actor: Actor, @Body() dto: NoticeDto): Promise<AgreementResponse> {
    return this.agreement.giveNotice(actor, dto);
  }

  /** The actor's party takes its notice back and stays a party. */
  @Delete('notice')
  @HttpCode(200)
  @ApiRefusals({ 403: 'Not a party to the agreement, or a party that has left', 409: 'The party has given no notice' })
  withdrawNotice(@CurrentActor() actor: Actor): Promise<AgreementResponse> {
    return this.agreement.withdrawNotice(actor);
  }
}
