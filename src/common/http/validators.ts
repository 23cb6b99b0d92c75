import { ValidateBy, ValidateIf, ValidationOptions } from 'class-validator';
import { DateTime } from 'luxon';

/** A real calendar date written `YYYY-MM-DD` (2026-02-30 is refused). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value) =>
          typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid,
        defaultMessage: (args) => `${args?.property ?? 'value'} must be a date written YYYY-MM-DD`,
      },
    },
    options,
  );
}

/**
 * A field that may be left out but not set to null: unlike `@IsOptional()`, which skips null as
 * well, an explicit null is validated (and refused) like any other value. For columns that
 * cannot be empty; `@IsOptional()` stays on those where null means "none".
 */
export function IsOptionalNotNull(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_, value) => value !== undefined, options);
}
