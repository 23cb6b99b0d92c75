import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
  SetMetadata,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiConsumes } from '@nestjs/swagger';
import type { Request } from 'express';
import { Observable } from 'rxjs';
import { WEB_PAGE } from '../auth/decorators';
import { AppError } from '../errors/app-error';
import { CommonErrors } from '../errors/common.errors';

const BODY_TYPES = 'bodyTypes';

/** What an API route takes as its body unless it says otherwise. */
const JSON_ONLY = ['application/json'];

/** The content types a route takes as its body instead of JSON (a file upload): documented and enforced alike. */
export const BodyTypes = (...types: string[]) => applyDecorators(ApiConsumes(...types), SetMetadata(BODY_TYPES, types));

/** An empty body has no type to check (a POST without one sends `Content-Length: 0`). */
function hasBody(request: Request): boolean {
  return request.headers['transfer-encoding'] !== undefined || Number(request.headers['content-length'] ?? 0) > 0;
}

/**
 * A body of any other type than the route's (JSON, or what `@BodyTypes` names) is a 415 on the
 * API, whatever a parser made of it. Pages take their forms as browsers send them.
 */
@Injectable()
export class BodyTypesInterceptor implements NestInterceptor {
  constructor(private readonly reflector: Reflector) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const targets = [context.getHandler(), context.getClass()];
    const request = context.switchToHttp().getRequest<Request>();
    if (!this.reflector.getAllAndOverride<boolean>(WEB_PAGE, targets) && hasBody(request)) {
      const types = this.reflector.getAllAndOverride<string[] | undefined>(BODY_TYPES, targets) ?? JSON_ONLY;
      if (!request.is(types)) throw AppError.of(CommonErrors.unsupported_media_type, { expected: types.join(' or ') });
    }
    return next.handle();
  }
}
