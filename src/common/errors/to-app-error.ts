import { HttpException, HttpStatus, NotFoundException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { AppError } from './app-error';
import { CommonErrors } from './common.errors';
import { InputErrors } from './input.errors';

// PostgreSQL error codes a constraint can raise when two requests race past the service's checks.
const PG_UNIQUE_VIOLATION = '23505';
const PG_EXCLUSION_VIOLATION = '23P01';
const PG_CHECK_VIOLATION = '23514';
const CONFLICTS = new Set([PG_UNIQUE_VIOLATION, PG_EXCLUSION_VIOLATION, PG_CHECK_VIOLATION]);

// PostgreSQL saying "not now": a connection exception (class 08), shutting down or starting up (57P01-57P03), too many connections.
const PG_UNAVAILABLE = /^(08...|57P0[1-3]|53300)$/;
// The socket errors of a server that is away, and node-postgres's words for a connection cut or not to be had in time.
const SOCKET_UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const CONNECTION_LOST =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i;

/** The database is away (restarting, unreachable, full): a refusal to try again later, not a fault of ours. */
export function isDatabaseUnavailable(error: unknown): boolean {
  // Read by shape, not `instanceof Error`: socket errors come from Node's own realm.
  if (typeof error !== 'object' || error === null) return false;
  const { code, message, driverError, errors, cause } = error as Record<string, unknown>;
  if (typeof code === 'string' && (PG_UNAVAILABLE.test(code) || SOCKET_UNAVAILABLE.has(code))) return true;
  if (typeof message === 'string' && CONNECTION_LOST.test(message)) return true;
  // TypeORM's QueryFailedError wraps the driver's; an AggregateError holds one per address tried.
  if (isDatabaseUnavailable(driverError) || isDatabaseUnavailable(cause)) return true;
  return Array.isArray(errors) && errors.some(isDatabaseUnavailable);
}

/**
 * The catalogue's row for anything thrown: the service's own refusals as they are, a database
 * race as the conflict it is, the database away as a 503 to retry, the HTTP layer's refusals
 * (unknown route, unreadable body) as theirs. Undefined for what is not a refusal: a bug, a 500.
 * The API and the pages both ask here, so a refusal takes the same path in both.
 */
export function toAppError(exception: unknown): AppError | undefined {
  if (exception instanceof AppError) return exception;
  if (isDatabaseUnavailable(exception)) return AppError.of(CommonErrors.database_unavailable);
  if (exception instanceof QueryFailedError) {
    const code = (exception.driverError as { code?: string } | undefined)?.code;
    return code && CONFLICTS.has(code) ? AppError.of(CommonErrors.constraint_violation) : undefined;
  }
  if (exception instanceof NotFoundException) {
    // Nest's own 404 for a path no controller has: "Cannot GET /x".
    const [, method = 'GET', path = ''] = /^Cannot (\S+) (.*)$/.exec(exception.message) ?? [];
    return AppError.of(CommonErrors.route_not_found, { method, path });
  }
  // Nest hands on the HTTP layer's own errors (body-parser's, a path's broken escape) wrapped, the original as cause.
  if (exception instanceof HttpException && exception.cause instanceof Error) return toAppError(exception.cause);
  if (exception instanceof HttpException) return undefined;
  // Express cannot decode a path parameter ("%E0%A4%A"): a broken link.
  if (exception instanceof URIError && (exception as { status?: unknown }).status === HttpStatus.BAD_REQUEST)
    return AppError.of(InputErrors.malformed_address);
  // body-parser's errors (malformed JSON, too large) carry their own status and type.
  const { status, type } = (exception ?? {}) as { status?: unknown; type?: unknown };
  if (status === HttpStatus.PAYLOAD_TOO_LARGE) return AppError.of(CommonErrors.payload_too_large);
  if (typeof status === 'number' && status >= 400 && status < 500 && typeof type === 'string') {
    return AppError.of(CommonErrors.malformed_body, { reason: (exception as Error).message });
  }
  return undefined;
}
