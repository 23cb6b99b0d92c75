import { HttpException, HttpStatus, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { AppError } from './app-error';
import { CommonErrors } from './common.errors';

// PostgreSQL error codes a constraint can raise when two requests race past the service's checks.
const PG_UNIQUE_VIOLATION = '23505';
const PG_EXCLUSION_VIOLATION = '23P01';
const PG_CHECK_VIOLATION = '23514';
const CONFLICTS = new Set([PG_UNIQUE_VIOLATION, PG_EXCLUSION_VIOLATION, PG_CHECK_VIOLATION]);

/**
 * The catalogue's row for anything thrown: the service's own refusals as they are, a database
 * race as the conflict it is, the HTTP layer's refusals (unknown route, unreadable body) as
 * theirs. Undefined for what is not a refusal: a bug or an outage, a 500 for the caller.
 * The API and the pages both ask here, so a refusal takes the same path in both.
 */
export function toAppError(exception: unknown): AppError | undefined {
  if (exception instanceof AppError) return exception;
  if (exception instanceof QueryFailedError) {
    const code = (exception.driverError as { code?: string } | undefined)?.code;
    return code && CONFLICTS.has(code) ? AppError.of(CommonErrors.constraint_violation) : undefined;
  }
  if (exception instanceof NotFoundException) {
    // Nest's own 404 for a path no controller has: "Cannot GET /x".
    const [, method = 'GET', path = ''] = /^Cannot (\S+) (.*)$/.exec(exception.message) ?? [];
    return AppError.of(CommonErrors.route_not_found, { method, path });
  }
  if (exception instanceof HttpException) return undefined;
  // body-parser's errors (malformed JSON, too large) carry their own status and type.
  const { status, type } = (exception ?? {}) as { status?: unknown; type?: unknown };
  if (status === HttpStatus.PAYLOAD_TOO_LARGE) return AppError.of(CommonErrors.payload_too_large);
  if (typeof status === 'number' && status >= 400 && status < 500 && typeof type === 'string') {
    return AppError.of(CommonErrors.malformed_body, { reason: (exception as Error).message });
  }
  return undefined;
}
