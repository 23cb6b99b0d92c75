import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { HttpStatus, INestApplication } from '@nestjs/common';
import type { Application, NextFunction, Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { AuthService } from '../auth/auth.service';
import { SESSION_COOKIE, SessionsService } from '../auth/sessions/sessions.service';
import { Role } from '../common/auth/role';
import { JobQueueService } from '../jobs/job-queue.service';
import { cookieOf } from '../common/http/cookies';

export const QUEUE_BOARD_PATH = '/api/admin/queues';

/** The Origin (or Referer) of a request names this host. */
function sameOrigin(req: Request): boolean {
  const origin = req.headers.origin ?? req.headers.referer;
  if (!origin) return false;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/**
 * Bull Board is plain Express, outside Nest's guards: the same checks, coordinators only. A bearer
 * token (scripts) or the browser session (the coordinator opening the board from the web pages);
 * the board's own buttons post without our CSRF token, so a session's post must come from this site.
 */
function coordinatorOnly(auth: AuthService, sessions: SessionsService) {
  const refuse = (res: Response, status: HttpStatus, message: string) =>
    res.status(status).json({ statusCode: status, error: STATUS_CODES[status], message });
  return async (req: Request, res: Response, next: NextFunction) => {
    const [scheme, token] = (req.headers.authorization ?? '').split(' ');
    const bearer = scheme?.toLowerCase() === 'bearer' && token ? await auth.actorFor(token) : null;
    const session = bearer ? null : await sessions.resolve(cookieOf(req, SESSION_COOKIE));
    const actor = bearer ?? session?.actor ?? null;
    if (!actor)
      return refuse(
        res,
        HttpStatus.UNAUTHORIZED,
        'Sign in required: send Authorization: Bearer <token>, or sign in on the web pages',
      );
    if (session && !['GET', 'HEAD'].includes(req.method) && !sameOrigin(req))
      return refuse(res, HttpStatus.FORBIDDEN, 'Cross-site request refused');
    if (actor.role !== Role.Coordinator) return refuse(res, HttpStatus.FORBIDDEN, 'This requires the role coordinator');
    next();
  };
}

/** The queue dashboard (Bull Board) at /api/admin/queues: jobs waiting, failed, retried. */
export function mountQueueBoard(app: INestApplication): void {
  const serverAdapter = new ExpressAdapter().setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: app
      .get(JobQueueService)
      .all()
      .map((queue) => new BullMQAdapter(queue)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'VFU – köer' } },
  });
  // The board is an Express application of its own, which would name Express in every answer.
  const board = serverAdapter.getRouter() as Application;
  board.disable('x-powered-by');
  app.use(QUEUE_BOARD_PATH, coordinatorOnly(app.get(AuthService), app.get(SessionsService)), board);
}
