import { ArgumentsHost, Catch, ExceptionFilter, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { GuardedRequest } from '../auth/access.guard';
import { toAppError } from '../common/errors/to-app-error';
import { ViewService } from './view.service';

const HEADINGS: Record<number, string> = {
  400: 'Uppgifterna kunde inte tas emot',
  403: 'Du har inte behörighet till sidan',
  404: 'Sidan finns inte',
  409: 'Det gick inte',
  413: 'För stort',
  415: 'Fel format',
  429: 'För många försök',
  503: 'Tjänsten svarar inte just nu',
};

/** What a page says of an error the catalogue has no words for: a fault of ours, never worded as a refusal. */
const UNEXPECTED =
  'Något gick fel hos oss, och det finns ingen förklaring att visa för just det här felet. Felet är loggat. Försök igen om en stund.';

/** The error page for anything thrown: its status, heading and Swedish message, and whether it goes to the log. */
export function errorPage(exception: unknown): { status: number; heading: string; message: string; log: boolean } {
  const refusal = toAppError(exception);
  const status = refusal ? refusal.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;
  const message = refusal ? [refusal.sv, ...(refusal.details ?? []).map((d) => d.sv)].join(' ') : UNEXPECTED;
  return { status, heading: HEADINGS[status] ?? 'Något gick fel', message, log: !refusal || status >= 500 };
}

/**
 * Browser pages answer errors with a page in Swedish; a missing sign-in goes to the sign-in
 * page. A refusal speaks the catalogue's Swedish; anything else is a logged 500.
 */
@Catch()
export class WebExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('WebErrors');

  constructor(private readonly view: ViewService) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<GuardedRequest>();
    const response = host.switchToHttp().getResponse<Response>();
    const { status, heading, message, log } = errorPage(exception);
    if (status === 401) {
      const next = request.method === 'GET' ? `?next=${encodeURIComponent(request.originalUrl)}` : '';
      response.redirect(303, `/logga-in${next}`);
      return;
    }
    if (log) this.logger.error(exception);
    const wait = toAppError(exception)?.retryAfter;
    if (wait !== undefined) response.setHeader('Retry-After', String(wait));
    response
      .status(status)
      .type('html')
      .send(this.view.page(request, 'error', { title: heading, heading, message }));
  }
}
