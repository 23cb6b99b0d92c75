import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ALLOWED_ROLES, PUBLIC_ROUTE, WEB_PAGE } from '../common/auth/decorators';
import { Actor, Role } from '../common/auth/role';
import { AppError } from '../common/errors/app-error';
import { CommonErrors } from '../common/errors/common.errors';
import { AuthService } from './auth.service';
import { PRE_SESSION_CSRF_COOKIE, ResolvedSession, SESSION_COOKIE, SessionsService } from './sessions/sessions.service';
import { cookieOf } from '../common/http/cookies';

const SAFE_METHODS = ['GET', 'HEAD'];

export type GuardedRequest = Request & { actor?: Actor; session?: ResolvedSession; cookies?: Record<string, string> };

/**
 * Deny by default: every route needs a valid bearer token of an active user unless marked
 * @Public(), and a route marked @Roles(...) needs one of those roles. Browser pages (@WebPage())
 * take the session cookie instead, and their form posts the session's CSRF token.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const webPage = this.reflector.getAllAndOverride<boolean>(WEB_PAGE, targets);
    // A public page still shows who is signed in, and checks its forms like any other.
    if (webPage) request.session = (await this.sessions.resolve(cookieOf(request, SESSION_COOKIE))) ?? undefined;
    if (webPage && !SAFE_METHODS.includes(request.method)) this.checkCsrf(request);
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const actor = webPage ? request.session?.actor : await this.bearerActor(request);
    if (!actor) throw AppError.of(CommonErrors.unauthenticated, { bearer: false });
    request.actor = actor;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.includes(actor.role)) {
      throw AppError.of(CommonErrors.role_required, { roles });
    }
    return true;
  }

  private async bearerActor(request: Request): Promise<Actor> {
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw AppError.of(CommonErrors.unauthenticated, { bearer: true });
    }
    const actor = await this.auth.actorFor(token);
    if (!actor) throw AppError.of(CommonErrors.invalid_token);
    return actor;
  }

  /**
   * Forms carry `_csrf`, scripts send `X-CSRF-Token`: the session's token, or before sign-in the
   * token of the sign-in page's own cookie (double submit).
   */
  private checkCsrf(request: GuardedRequest): void {
    const expected = request.session?.csrfToken ?? cookieOf(request, PRE_SESSION_CSRF_COOKIE);
    if (!expected) throw AppError.of(CommonErrors.form_expired);
    const given = (request.body as Record<string, unknown> | undefined)?._csrf ?? request.headers['x-csrf-token'];
    if (!SessionsService.csrfMatches(expected, given)) throw AppError.of(CommonErrors.form_expired);
  }
}
