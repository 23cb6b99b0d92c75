import { ValidationError, ValidationPipe } from '@nestjs/common';
import { getMetadataStorage, ValidationArguments, ValidationOptions } from 'class-validator';
import { AppError, FieldProblem } from './app-error';
import { CodedSpec, Params, registeredSpec } from './error-spec';
import { ValidationErrors } from './validation.errors';

/** The constraint arguments a row's texts use, by constraint name. */
const ARGUMENT_NAMES: Record<string, string> = {
  minLength: 'min',
  maxLength: 'max',
  min: 'min',
  max: 'max',
  arrayMinSize: 'min',
  arrayMaxSize: 'max',
};

/**
 * A DTO rule that means more than its constraint (a term code's form, not "matches"): the
 * catalogue row whose texts it takes, and that row's English message for the API.
 */
export function withCode<P extends Params>(
  spec: CodedSpec<P> & ({ property: string } extends P ? unknown : never),
  options: ValidationOptions = {},
): ValidationOptions {
  // Built from the field's name, as the Swedish text is (`property`), so one row serves every field it fits.
  return {
    ...options,
    message: (args: ValidationArguments) => spec.message({ property: args.property } as unknown as P),
    context: { code: spec.code },
  };
}

/** Flattens class-validator's tree into one entry per bad field, named by its dot path, worded from the catalogue. */
export function toFieldProblems(errors: ValidationError[], parent = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const constraints = Object.entries(error.constraints ?? {});
    const own = constraints.length ? [toProblem(error, field, constraints)] : [];
    return [...own, ...toFieldProblems(error.children ?? [], field)];
  });
}

function toProblem(error: ValidationError, field: string, constraints: [string, string][]): FieldProblem {
  const [name] = constraints[0];
  const named = (error.contexts?.[name] as { code?: string } | undefined)?.code;
  const spec = named
    ? registeredSpec(named)
    : (ValidationErrors as unknown as Record<string, CodedSpec | undefined>)[name];
  // A rule with no words is a gap in the catalogue, found by its test; never worded by guess.
  if (!spec) throw new Error(`Validation constraint ${named ?? name} has no row in the error catalogue`);
  const params: Params = { property: error.property, ...constraintArguments(error, name) };
  return {
    field,
    code: spec.code,
    params,
    message: constraints.map(([, message]) => message).join('; '),
    sv: spec.sv(params),
  };
}

/** class-validator does not put a constraint's arguments on its error: read them from the DTO's metadata. */
function constraintArguments(error: ValidationError, name: string): Params {
  const argument = ARGUMENT_NAMES[name];
  const target = error.target?.constructor;
  if (!argument || !target) return {};
  const metadata = getMetadataStorage()
    .getTargetValidationMetadatas(target, '', true, false)
    .find((m) => m.propertyName === error.property && (m.name ?? m.type) === name);
  return metadata ? { [argument]: metadata.constraints[0] as unknown } : {};
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    // The target lets the catalogue read a constraint's arguments; neither target nor value reaches a response.
    validationError: { target: true, value: false },
    exceptionFactory: (errors) => AppError.invalid(toFieldProblems(errors)),
  });
}
