import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { GuardedRequest } from '../auth/access.guard';
import { SESSION_COOKIE, SessionsService } from '../auth/sessions/sessions.service';
import { SIGNED_OUT } from './texts';

/**
 * The notice a page shows: the confirmation the last form left on the session, said by the page
 * the form led to (a GET, after the redirect); after signing out, the fixed sign-out notice.
 */
export function pageNotice(request: GuardedRequest): string | undefined {
  if (request.method !== 'GET') return undefined;
  return request.session?.flash ?? (request.query.klart === SIGNED_OUT.key ? SIGNED_OUT.notice : undefined);
}

/** The token of the request's session cookie, by which the sessions service finds the session. */
export const sessionToken = (request: GuardedRequest): string | undefined =>
  (request.cookies as Partial<Record<string, string>> | undefined)?.[SESSION_COOKIE];

/** A confirmation is shown once: the page that shows it takes it off the session. */
@Injectable()
export class ConfirmationInterceptor implements NestInterceptor {
  constructor(private readonly sessions: SessionsService) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    // The page this request renders says the session's confirmation: it is not said again.
    if (request.session?.flash && pageNotice(request) === request.session.flash)
      await this.sessions.clearFlash(sessionToken(request));
    return next.handle();
  }
}
