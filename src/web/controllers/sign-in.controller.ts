import { Body, Get, HttpCode, Post, Query, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { randomBytes } from 'node:crypto';
import { GuardedRequest } from '../../auth/access.guard';
import { AuthService } from '../../auth/auth.service';
import {
  PRE_SESSION_CSRF_COOKIE,
  SESSION_COOKIE,
  SESSION_IDLE_MS,
  SessionsService,
} from '../../auth/sessions/sessions.service';
import { Public } from '../../common/auth/decorators';
import { AppConfig } from '../../config/app-config';
import { sessionToken } from '../confirmation.interceptor';
import { formFailure } from '../form-errors';
import { SIGNED_OUT } from '../texts';
import { sendPage, ViewService } from '../view.service';
import { WebController } from '../web-controller';
import { cookieOf } from '../../common/http/cookies';

/** Only paths of this site: a `next` elsewhere would make the sign-in page an open redirect. */
const safeNext = (next: unknown) => (typeof next === 'string' && /^\/(?!\/)[^\s\\]*$/.test(next) ? next : '/');

@WebController()
export class SignInController {
  constructor(
    private readonly view: ViewService,
    private readonly auth: AuthService,
    private readonly sessions: SessionsService,
    private readonly config: AppConfig,
  ) {}

  private cookie(response: Response, name: string, value: string, maxAge: number): void {
    response.cookie(name, value, {
      httpOnly: true,
      sameSite: 'lax',
      secure: this.config.isProduction,
      path: '/',
      maxAge,
    });
  }

  @Public()
  @Get('logga-in')
  form(@Req() request: GuardedRequest, @Res() response: Response, @Query('next') next?: string): void {
    if (request.session) return response.redirect(303, safeNext(next));
    // Double-submit token for the form, until there is a session to hold one.
    const csrf = cookieOf(request, PRE_SESSION_CSRF_COOKIE) ?? randomBytes(24).toString('base64url');
    this.cookie(response, PRE_SESSION_CSRF_COOKIE, csrf, 3600_000);
    request.cookies = { ...(request.cookies as Record<string, string>), [PRE_SESSION_CSRF_COOKIE]: csrf };
    response.type('html').send(this.view.page(request, 'login', { title: 'Logga in', next: safeNext(next) }));
  }

  /**
   * Not the form flow: there is no session yet to keep a confirmation on (this call makes it and
   * sets its cookie), the way on is the page asked for rather than a confirmation, and the
   * credentials are not a DTO to show again field by field.
   */
  @Public()
  @Post('logga-in')
  @HttpCode(200)
  async signIn(
    @Req() request: GuardedRequest,
    @Res() response: Response,
    @Body() body: Record<string, unknown>,
  ): Promise<void> {
    const email = typeof body.email === 'string' ? body.email.trim().toLowerCase() : '';
    const password = typeof body.password === 'string' ? body.password : '';
    let signedIn: Awaited<ReturnType<AuthService['login']>>;
    try {
      signedIn = await this.auth.login(email, password, request.ip ?? 'unknown');
    } catch (error) {
      const { status, errors, retryAfter } = formFailure(error);
      if (retryAfter !== undefined) response.setHeader('Retry-After', String(retryAfter));
      return sendPage(
        response,
        status,
        this.view.page(request, 'login', { title: 'Logga in', next: safeNext(body.next), values: { email }, errors }),
      );
    }
    await this.sessions.end(sessionToken(request));
    this.cookie(response, SESSION_COOKIE, await this.sessions.start(signedIn.user), SESSION_IDLE_MS * 3);
    response.clearCookie(PRE_SESSION_CSRF_COOKIE, { path: '/' });
    response.redirect(303, safeNext(body.next));
  }

  @Public()
  @Post('logga-ut')
  async signOut(@Req() request: GuardedRequest, @Res() response: Response): Promise<void> {
    await this.sessions.end(sessionToken(request));
    response.clearCookie(SESSION_COOKIE, { path: '/' });
    response.redirect(303, `/logga-in?klart=${SIGNED_OUT.key}`);
  }
}
