import type { ValidationError } from 'class-validator';
import { AppError } from '../common/errors/app-error';
import { toAppError } from '../common/errors/to-app-error';
import { toFieldProblems } from '../common/errors/validation';
import { FormErrors } from './view.service';

/** A refused form: the status to answer with and the Swedish problems by field (`_form` for the whole form). */
export interface FormFailure {
  status: number;
  errors: FormErrors;
  /** Seconds to wait before trying again, where the refusal knows (sent as `Retry-After`). */
  retryAfter?: number;
}

/**
 * A refusal as a form shows it, in the catalogue's Swedish: problems beside their fields (a CSV
 * file's by `row.<n>.<column>`), anything else above the form. What is not a refusal (not in
 * the catalogue) is rethrown, so it reaches the error page and the log instead.
 */
export function formFailure(error: unknown): FormFailure {
  const refusal = toAppError(error);
  if (!refusal) throw error;
  if (!refusal.details?.length)
    return { status: refusal.getStatus(), errors: { _form: refusal.sv }, retryAfter: refusal.retryAfter };
  const errors: FormErrors = {};
  for (const problem of refusal.details) {
    const key = problem.row === undefined ? problem.field : `row.${problem.row}.${problem.field}`;
    errors[key] = errors[key] ? `${errors[key]} ${problem.sv}` : problem.sv;
  }
  return { status: refusal.getStatus(), errors };
}

/** class-validator's problems with a form's DTO, in Swedish by field. */
export function validationFailure(problems: ValidationError[]): FormFailure {
  return formFailure(AppError.invalid(toFieldProblems(problems)));
}
