import { Get, Post, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { GuardedRequest } from '../../auth/access.guard';
import { IdParam } from '../../common/http/id-param';
import { Clock } from '../../common/time/clock';
import { CalendarTokensService } from '../../events/calendar-tokens.service';
import { EventsService } from '../../events/events.service';
import { TermsService } from '../../terms/terms.service';
import { FormFlow, Refused } from '../form-flow';
import { CONFIRM } from '../texts';
import { homePage } from '../view-models/home';
import { ViewService } from '../view.service';
import { WebController } from '../web-controller';

/** Where each role starts: the terms, coming events, and the personal calendar link. */
@WebController()
export class HomeController {
  constructor(
    private readonly view: ViewService,
    private readonly form: FormFlow,
    private readonly terms: TermsService,
    private readonly events: EventsService,
    private readonly calendar: CalendarTokensService,
    private readonly clock: Clock,
  ) {}

  @Get()
  home(@Req() request: GuardedRequest): Promise<string> {
    return this.homeView(request);
  }

  /** One event as a calendar file, for the signed-in user (the API's copy needs a bearer token). */
  @Get('handelser/:id.ics')
  async ics(@IdParam() id: string, @Res() response: Response): Promise<void> {
    response
      .type('text/calendar; charset=utf-8')
      .attachment('handelse.ics')
      .send(await this.events.ics(id));
  }

  @Post('kalenderlank')
  rotate(@Req() request: GuardedRequest, @Res() response: Response): Promise<void> {
    return this.form.submit(request, response, {
      call: () => this.calendar.rotate(request.actor!),
      done: () => ({ redirect: '/', confirmation: CONFIRM.calendarLinkRenewed() }),
      page: (refused) => this.homeView(request, refused),
    });
  }

  private async homeView(request: GuardedRequest, refused?: Refused): Promise<string> {
    const actor = request.actor!;
    const [{ rows: events }, terms, calendar] = await Promise.all([
      this.events.list(actor, { from: this.clock.now().toISOString() }),
      this.terms.list(),
      this.calendar.address(actor),
    ]);
    return this.view.page(
      request,
      'home',
      homePage({ role: actor.role, terms, events, calendarUrl: calendar.url }, refused),
    );
  }
}
