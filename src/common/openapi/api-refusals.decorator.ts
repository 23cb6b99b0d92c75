import { applyDecorators } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { ErrorResponse } from '../errors/error.response';

/** The refusals a route documents; each answers with the catalogue's error shape. */
export type RefusalStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429;

/** What each status means when the route says nothing more particular. */
export const REFUSAL_DESCRIPTIONS: Record<RefusalStatus, string> = {
  400: 'The input has problems (`validation_failed`, with each problem in `details` by field) or cannot be read',
  401: 'Not signed in: no bearer token, or an invalid or expired one',
  403: 'The caller’s role or scope (district, university) does not allow it',
  404: 'Not found',
  409: 'The change conflicts with the current state',
  413: 'The request body is too large',
  415: 'The request body is not of the documented content type',
  429: 'Too many attempts; `Retry-After` says when to try again',
};

/**
 * Documents a route's (or every route of a controller's) refusals with the error shape: a status
 * alone takes the general description, `{409: 'The term is not reporting'}` says what it means here.
 * `@ApiRefusals(400, 404, {409: '…'})`.
 */
export function ApiRefusals(...refusals: (RefusalStatus | Partial<Record<RefusalStatus, string>>)[]) {
  const described = refusals.flatMap((refusal) =>
    typeof refusal === 'number'
      ? [[refusal, REFUSAL_DESCRIPTIONS[refusal]] as const]
      : Object.entries(refusal).map(([status, description]) => [Number(status), description] as const),
  );
  return applyDecorators(
    ...described.map(([status, description]) => ApiResponse({ status, description, type: ErrorResponse })),
  );
}
