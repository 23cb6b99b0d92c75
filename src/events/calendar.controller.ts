import { Controller, Get, Header, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiNotFoundResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { CurrentActor, Public } from '../common/auth/decorators';
import { Actor } from '../common/auth/role';
import { CalendarTokensService } from './calendar-tokens.service';
import { CalendarUrlResponse } from './dto/calendar-url.response';

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(private readonly tokens: CalendarTokensService) {}

  @ApiBearerAuth()
  @Get('me/calendar-token')
  async url(@CurrentActor() actor: Actor): Promise<CalendarUrlResponse> {
    return { url: await this.tokens.url(actor) };
  }

  /** A new feed address; the old one answers 404 from now on. */
  @ApiBearerAuth()
  @Post('me/calendar-token/rotate')
  @HttpCode(200)
  async rotate(@CurrentActor() actor: Actor): Promise<CalendarUrlResponse> {
    return { url: await this.tokens.rotateUrl(actor) };
  }

  /** The user's events as iCalendar, for calendar clients (no bearer token: the token is in the path). */
  @Public()
  @Get('calendar/:token.ics')
  @Header('Content-Type', 'text/calendar; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/calendar')
  @ApiNotFoundResponse({ description: 'Unknown or revoked token' })
  feed(@Param('token') token: string): Promise<string> {
    return this.tokens.feed(token);
  }
}
