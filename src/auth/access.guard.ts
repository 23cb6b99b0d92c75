import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { ALLOWED_ROLES, PUBLIC_ROUTE } from '../common/auth/decorators';
import { Actor, Role } from '../common/auth/role';
import { AppError } from '../common/errors/app-error';
import { AuthService } from './auth.service';

/**
 * Deny by default: every route needs a valid bearer token of an active user unless marked
 * @Public(), and a route marked @Roles(...) needs one of those roles.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_ROUTE, targets)) return true;

    const request = context.switchToHttp().getRequest<Request & { actor?: Actor }>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    if (scheme?.toLowerCase() !== 'bearer' || !token) {
      throw new AppError(HttpStatus.UNAUTHORIZED, 'Sign in required: send Authorization: Bearer <token>', 'unauthenticated');
    }
    const actor = await this.auth.actorFor(token);
    if (!actor) {
      throw new AppError(HttpStatus.UNAUTHORIZED, 'The access token is invalid or has expired', 'invalid_token');
    }
    request.actor = actor;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ALLOWED_ROLES, targets);
    if (roles && !roles.includes(actor.role)) {
      throw AppError.forbidden(`This requires the role ${roles.join(' or ')}`);
    }
    return true;
  }
}
