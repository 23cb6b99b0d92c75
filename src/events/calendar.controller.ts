import { Controller, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public } from '../common/auth/decorators';
import { Actor } from '../common/auth/role';
import { ApiRefusals } from '../common/openapi/api-refusals.decorator';
import { CalendarTokensService } from './calendar-tokens.service';
import { CalendarUrlResponse } from './dto/calendar-url.response';

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(private readonly tokens: CalendarTokensService) {}

  /** The user's feed address, made on first use; `url` is null for one made before this version. */
  @ApiBearerAuth()
  @Get('me/calendar-token')
  url(@CurrentActor() actor: Actor): Promise<CalendarUrlResponse> {
    return this.tokens.address(actor);
  }

  /** A new feed address; the old one answers 404 from now on. */
  @ApiBearerAuth()
  @Post('me/calendar-token/rotate')
  @HttpCode(200)
  async rotate(@CurrentActor() actor: Actor): Promise<CalendarUrlResponse> {
    const { url, createdAt } = await this.tokens.rotate(actor);
    return { url, createdAt };
  }

  /** The user's events as iCalendar, for calendar clients (no bearer token: the token is in the path). */
  @Public()
  @Get('calendar/:token.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/calendar')
  @ApiRefusals({ 404: 'Unknown or revoked token' })
  feed(@Param('token') token: string): Promise<string> {
    return this.tokens.feed(token);
  }
}
