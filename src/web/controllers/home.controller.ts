import { Get, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { GuardedRequest } from '../../auth/access.guard';
import { Role } from '../../common/auth/role';
import { IdParam } from '../../common/http/id-param';
import { CalendarTokensService } from '../../events/calendar-tokens.service';
import { EventsService } from '../../events/events.service';
import { TermsService } from '../../terms/terms.service';
import { ViewService } from '../view.service';
import { WebController } from '../web-controller';

/** Where each role starts: the terms, coming events, and the personal calendar link. */
const TERM_LINK: Record<Role, string | null> = {
  [Role.Coordinator]: '/terminer/:code',
  [Role.DistrictContact]: '/platser?termin=:code',
  [Role.UniversityCoordinator]: '/studenter?termin=:code',
};

@WebController()
export class HomeController {
  constructor(
    private readonly view: ViewService,
    private readonly terms: TermsService,
    private readonly events: EventsService,
    private readonly calendar: CalendarTokensService,
  ) {}

  @Get()
  async home(@Req() request: GuardedRequest): Promise<string> {
    const actor = request.actor!;
    const upcoming = (await this.events.list(actor, { from: new Date().toISOString() }))
      .filter(({ invited }) => invited || actor.role === Role.Coordinator)
      .slice(0, 10)
      .map(({ event }) => event);
    return this.view.page(request, 'home', {
      title: 'Översikt',
      terms: (await this.terms.list()).filter((t) => t.status !== 'closed'),
      termLink: TERM_LINK[actor.role],
      events: upcoming,
      calendarUrl: await this.calendar.url(actor),
    });
  }

  /** One event as a calendar file, for the signed-in user (the API's copy needs a bearer token). */
  @Get('handelser/:id.ics')
  async ics(@IdParam() id: string, @Res() response: Response): Promise<void> {
    response.type('text/calendar; charset=utf-8').attachment('handelse.ics').send(await this.events.ics(id));
  }

  @Post('kalenderlank')
  async rotate(@Req() request: GuardedRequest, @Res() response: Response): Promise<void> {
    await this.calendar.rotateUrl(request.actor!);
    response.redirect(303, '/?klart=ny_lank');
  }
}
