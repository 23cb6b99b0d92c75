import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { GuardedRequest } from '../auth/access.guard';
import { AppError } from '../common/errors/app-error';
import { swedishError } from './i18n';
import { ViewService } from './view.service';

const HEADINGS: Record<number, string> = {
  403: 'Du har inte behörighet till sidan',
  404: 'Sidan finns inte',
  409: 'Det gick inte',
  429: 'För många försök',
};

/** Browser pages answer errors with a page in Swedish; a missing sign-in goes to the sign-in page. */
@Catch()
export class WebExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('WebErrors');

  constructor(private readonly view: ViewService) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<GuardedRequest>();
    const response = host.switchToHttp().getResponse<Response>();
    const status = exception instanceof HttpException ? exception.getStatus() : HttpStatus.INTERNAL_SERVER_ERROR;
    if (status === HttpStatus.UNAUTHORIZED) {
      const next = request.method === 'GET' ? `?next=${encodeURIComponent(request.originalUrl)}` : '';
      response.redirect(303, `/logga-in${next}`);
      return;
    }
    if (status >= 500) this.logger.error(exception);
    const message =
      exception instanceof AppError
        ? (swedishError(exception).general ?? 'Uppgifterna kunde inte tas emot.')
        : status >= 500
          ? 'Något gick fel hos oss. Försök igen om en stund.'
          : 'Sidan kunde inte visas.';
    response
      .status(status)
      .type('html')
      .send(this.view.page(request, 'error', { title: HEADINGS[status] ?? 'Något gick fel', heading: HEADINGS[status] ?? 'Något gick fel', message }));
  }
}
