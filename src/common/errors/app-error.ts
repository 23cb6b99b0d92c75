import { HttpException, HttpStatus } from '@nestjs/common';

/** One bad input: the field it concerns (dot path, e.g. `periods.0.startsOn`) and why. */
export interface FieldProblem {
  field: string;
  message: string;
  row?: number;
}

/**
 * The service's one exception type. Each module names its own codes (string enums) so clients
 * can tell conflicts apart; the global filter turns it into the API's error shape.
 */
export class AppError extends HttpException {
  constructor(
    status: HttpStatus,
    message: string,
    readonly code: string,
    readonly details?: FieldProblem[],
  ) {
    super(message, status);
  }

  static invalid(details: FieldProblem[], message = 'Validation failed'): AppError {
    return new AppError(HttpStatus.BAD_REQUEST, message, 'validation_failed', details);
  }

  static invalidField(field: string, message: string): AppError {
    return AppError.invalid([{ field, message }], `${field}: ${message}`);
  }

  static notFound(what: string): AppError {
    return new AppError(HttpStatus.NOT_FOUND, `${what} not found`, 'not_found');
  }

  static forbidden(message = 'You do not have access to this resource'): AppError {
    return new AppError(HttpStatus.FORBIDDEN, message, 'forbidden');
  }

  static conflict(code: string, message: string): AppError {
    return new AppError(HttpStatus.CONFLICT, message, code);
  }
}
