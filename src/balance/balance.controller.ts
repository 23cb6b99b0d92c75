import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/auth/decorators';
import { Actor, Role } from '../common/auth/role';
import { IdParam } from '../common/http/id-param';
import { ApiRefusals } from '../common/openapi/api-refusals.decorator';
import { BalanceService } from './balance.service';
import { BalanceResponse, QuotaOverrideResponse } from './dto/balance.response';
import { PutQuotaDto } from './dto/quota.dto';

@ApiTags('balance')
@ApiBearerAuth()
@Controller('terms/:code')
export class BalanceController {
  constructor(private readonly balance: BalanceService) {}

  /**
   * Target against offered and usable places, per district (with those that have not reported),
   * per field and per university (demand, quota, placed), and the supervisor-training share.
   * Quotas split min(target, usable) by demand, largest remainder, never above demand.
   */
  @Get('balance')
  @ApiRefusals(404)
  get(@Param('code') code: string): Promise<BalanceResponse> {
    return this.balance.get(code);
  }

  /** Sets a university's quota by hand instead of the computed split. */
  @Roles(Role.Coordinator)
  @Put('quotas/:universityId')
  @ApiRefusals(404, { 403: 'Only the coordinator' })
  overrideQuota(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @IdParam('universityId') universityId: string,
    @Body() dto: PutQuotaDto,
  ): Promise<QuotaOverrideResponse> {
    return this.balance.overrideQuota(actor, code, universityId, dto.quota);
  }

  /** Restores the computed quota. */
  @Roles(Role.Coordinator)
  @Delete('quotas/:universityId')
  @HttpCode(204)
  @ApiRefusals(400, 404, { 403: 'Only the coordinator' })
  async restoreQuota(
    @CurrentActor() actor: Actor,
    @Param('code') code: string,
    @IdParam('universityId') universityId: string,
  ): Promise<void> {
    await this.balance.restoreQuota(actor, code, universityId);
  }
}
