import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { HttpStatus, INestApplication } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { AuthService } from '../auth/auth.service';
import { Role } from '../common/auth/role';
import { JobQueueService } from '../jobs/job-queue.service';

export const QUEUE_BOARD_PATH = '/api/admin/queues';

/** Bull Board is plain Express, outside Nest's guards: the same token check, coordinators only. */
function coordinatorOnly(auth: AuthService) {
  const refuse = (res: Response, status: HttpStatus, message: string) =>
    res.status(status).json({ statusCode: status, error: STATUS_CODES[status], message });
  return async (req: Request, res: Response, next: NextFunction) => {
    const [scheme, token] = (req.headers.authorization ?? '').split(' ');
    const actor = scheme?.toLowerCase() === 'bearer' && token ? await auth.actorFor(token) : null;
    if (!actor) return refuse(res, HttpStatus.UNAUTHORIZED, 'Sign in required: send Authorization: Bearer <token>');
    if (actor.role !== Role.Coordinator) return refuse(res, HttpStatus.FORBIDDEN, 'This requires the role coordinator');
    next();
  };
}

/** The queue dashboard (Bull Board) at /api/admin/queues: jobs waiting, failed, retried. */
export function mountQueueBoard(app: INestApplication): void {
  const serverAdapter = new ExpressAdapter().setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: app.get(JobQueueService).all().map((queue) => new BullMQAdapter(queue)),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'VFU – köer' } },
  });
  app.use(QUEUE_BOARD_PATH, coordinatorOnly(app.get(AuthService)), serverAdapter.getRouter());
}
