import { Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Roles } from '../common/auth/decorators';
import { Actor, Role } from '../common/auth/role';
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
  @ApiConflictResponse({ description: 'The term is not reporting' })
  remind(@CurrentActor() actor: Actor, @Param('code') code: string): Promise<ReminderResultResponse> {
    return this.reminders.remindNow(actor, code);
  }
}
