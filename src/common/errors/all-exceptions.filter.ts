import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import type { AppError } from './app-error';
import { Params } from './error-spec';
import { toAppError } from './to-app-error';

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  params?: Params;
  details?: { field: string; message: string; code: string; params: Params; row?: number }[];
}

/** Turns every error into the API's one error shape; unexpected ones are logged, never leaked. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<{
      headersSent: boolean;
      setHeader(name: string, value: string): void;
      status(code: number): { json(body: unknown): void };
    }>();
    const refusal = toAppError(exception);
    const body = this.toBody(exception, refusal);
    if (body.statusCode >= 500) this.logger.error(exception);
    if (response.headersSent) return;
    const wait = refusal?.retryAfter;
    if (wait !== undefined) response.setHeader('Retry-After', String(wait));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown, refusal: AppError | undefined): ErrorBody {
    if (refusal) {
      const body: ErrorBody = {
        ...this.head(refusal.getStatus(), refusal.message),
        code: refusal.code,
        params: refusal.params,
      };
      if (refusal.details)
        body.details = refusal.details.map(({ field, message, code, params, row }) => ({
          field,
          message,
          code,
          params,
          ...(row === undefined ? {} : { row }),
        }));
      return body;
    }
    // Nest's own HTTP exceptions outside the catalogue (none are raised by the service itself).
    if (exception instanceof HttpException && exception.getStatus() < 500)
      return this.head(exception.getStatus(), exception.message);
    return this.head(HttpStatus.INTERNAL_SERVER_ERROR, 'Internal server error');
  }

  private head(statusCode: number, message: string): ErrorBody {
    return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', message };
  }
}
