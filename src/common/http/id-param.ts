import { Param, ParseUUIDPipe } from '@nestjs/common';
import { AppError } from '../errors/app-error';
import { CommonErrors } from '../errors/common.errors';
import { problem } from '../errors/error-spec';

/** A UUID path parameter; anything else is a 400 naming the parameter. */
export const IdParam = (name = 'id') =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => AppError.invalid([problem(CommonErrors.malformed_id, name, { param: name })]),
    }),
  );
