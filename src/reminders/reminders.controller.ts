import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/auth/decorators';
import { Actor, Role } from '../common/auth/role';
import { ApiRefusals } from '../common/openapi/api-refusals.decorator';
import { ReminderResultResponse } from './dto/reminder-result.response';
import { RemindersService } from './reminders.service';

@ApiTags('reminders')
@ApiBearerAuth()
@Roles(Role.Coordinator)
@Controller('terms/:code/reminders')
export class RemindersController {
  constructor(private readonly reminders: RemindersService) {}

  /**
   * Reminds now every district that has not reported an offer (besides the automatic reminders
   * 14, 7 and 2 days before the deadline); at most once a day per district.
   */
  @Post()
  @HttpCode(200)
  @ApiRefusals(404, { 403: 'Only the coordinator', 409: 'The term is not reporting' })
  remind(@CurrentActor() actor: Actor, @Param('code') code: string): Promise<ReminderResultResponse> {
    return this.reminders.remindNow(actor, code);
  }
}
