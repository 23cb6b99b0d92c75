import { Injectable, NestMiddleware } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import { runWithRequestContext } from './request-context';

/** Makes the request id (set by the logger) visible to the audit log. */
@Injectable()
export class RequestContextMiddleware implements NestMiddleware {
  use(req: Request & { id?: string }, _res: Response, next: NextFunction): void {
    runWithRequestContext({ requestId: String(req.id ?? '') || 'none' }, next);
  }
}
