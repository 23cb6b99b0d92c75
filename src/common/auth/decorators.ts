import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { PUBLIC_OPERATION } from '../openapi/openapi-document';
import { Actor, Role } from './role';

export const PUBLIC_ROUTE = 'vfu:public';
export const ALLOWED_ROLES = 'vfu:roles';
export const WEB_PAGE = 'vfu:web-page';

/** Opens a route to callers without a token; every other route needs one (the OpenAPI document says so too). */
export const Public = () => applyDecorators(SetMetadata(PUBLIC_ROUTE, true), ApiExtension(PUBLIC_OPERATION, true));

/**
 * A browser page: signed in by the session cookie instead of a bearer token, and every form
 * post must carry the session's CSRF token.
 */
export const WebPage = () => SetMetadata(WEB_PAGE, true);

/** Restricts a route (or a controller) to these roles; without it any signed-in user may call. */
export const Roles = (...roles: Role[]) => SetMetadata(ALLOWED_ROLES, roles);

/** The signed-in user, as checked by the access guard. */
export const CurrentActor = createParamDecorator(
  (_: unknown, context: ExecutionContext): Actor => context.switchToHttp().getRequest<{ actor: Actor }>().actor,
);
