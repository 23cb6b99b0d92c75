import { Injectable, Type } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import type { Response } from 'express';
import { GuardedRequest } from '../auth/access.guard';
import { SessionsService } from '../auth/sessions/sessions.service';
import { AppError } from '../common/errors/app-error';
import { sessionToken } from './confirmation.interceptor';
import { FormFailure, formFailure, validationFailure } from './form-errors';
import type { Confirmation } from './texts';
import { FormErrors, sendPage } from './view.service';

/** A posted form's fields as the browser sent them: strings, and lists for a name sent more than once. */
export type FormBody = Record<string, unknown>;

/** What a form's fields show. */
export type FormValues = Record<string, unknown>;

/** A DTO's fields as a form fills them in; the DTO's own rules then check the values. */
export type FormInput<D> = { [K in keyof D]?: unknown };

/** A form shown again: what was wrong by field (`_form`: the whole form), what was typed, which of the page's forms it was. */
export interface Refused {
  errors: FormErrors;
  /** None for a form without fields (a button, a file): the page shows what it shows anyway. */
  values?: FormValues;
  /** The form the errors belong to, where a page has several (e.g. `quota:<universityId>`). */
  errorFor?: string;
}

/** Where a form leads once the service has done its part. */
export type Done =
  /** 303 to the page that shows the change; that page says once what happened. */
  | { redirect: string; confirmation: Confirmation }
  /** A result to read there and then (who got a reminder): the answer is the page itself. */
  | { show: string };

interface FormEnds<R, D> {
  /** Where to go after the call, and what to say there, from what the call returned. */
  done: (result: R, dto: D) => Done | Promise<Done>;
  /** The page again with the form's errors and its input, answered with the refusal's status. */
  page: (refused: Refused) => string | Promise<string>;
  errorFor?: string;
  /** The input shown again; for a form with fields by default its fields as posted, without the CSRF token or a password. */
  values?: (body: FormBody) => FormValues;
  /** A refusal (by its code) that concerns one field is said beside that field, e.g. `{ email_taken: 'email' }`. */
  conflictField?: Record<string, string>;
  /**
   * The errors under the form's own names (the API's `fieldPreferences.1` is the form's `field2`),
   * or `above` for a form with no field of its own to put them beside: the first is said above it.
   */
  onForm?: ((errors: FormErrors, body: FormBody) => FormErrors) | 'above';
}

/** A form with fields: they become the API's DTO, checked by the DTO's own rules, for the service call. */
export interface InputForm<D extends object, R> extends FormEnds<R, D> {
  dto: Type<D>;
  input: (body: FormBody) => FormInput<D>;
  call: (dto: D) => Promise<R>;
}

/** A form that is a button (cancel, remove, publish) or a file: the service call alone. */
export interface ActionForm<R> extends FormEnds<R, undefined> {
  /** The form's own check before the call, e.g. a file that is missing or too large. */
  check?: () => FormFailure | undefined;
  call: () => Promise<R>;
}

/**
 * The one way a page takes a posted form: input → DTO → validation → service call → a 303 to
 * the next page with a confirmation that names what happened (kept on the session, shown
 * once), or the page again with the status the API would answer, the errors beside their fields
 * and the input kept. Errors become form errors only through `form-errors.ts`; what is not a
 * refusal goes on to the error page.
 */
@Injectable()
export class FormFlow {
  constructor(private readonly sessions: SessionsService) {}

  submit<D extends object, R>(request: GuardedRequest, response: Response, form: InputForm<D, R>): Promise<void>;
  submit<R>(request: GuardedRequest, response: Response, form: ActionForm<R>): Promise<void>;
  async submit<D extends object, R>(
    request: GuardedRequest,
    response: Response,
    form: InputForm<D, R> | ActionForm<R>,
  ): Promise<void> {
    const body = (request.body ?? {}) as FormBody;
    const outcome = 'dto' in form ? await throughDto(form, body) : await asAction(form);
    if ('failure' in outcome) {
      const { status, errors, retryAfter } = outcome.failure;
      if (retryAfter !== undefined) response.setHeader('Retry-After', String(retryAfter));
      const values = form.values ?? ('dto' in form ? typedValues : undefined);
      const refused = { errors: onForm(errors, body, form.onForm), values: values?.(body), errorFor: form.errorFor };
      return sendPage(response, status, await form.page(refused));
    }
    const { done } = outcome;
    if ('show' in done) return sendPage(response, 200, done.show);
    await this.sessions.flash(sessionToken(request), done.confirmation);
    response.redirect(303, done.redirect);
  }
}

/** A form refused (by its DTO, its own check or the service), or where it leads. */
type Outcome = { failure: FormFailure } | { done: Done };

/** Form input checked against the API's own DTO (the same rules, not a copy): the DTO, or the problems by field. */
export async function checkForm<D extends object>(
  dto: Type<D>,
  input: FormInput<D>,
): Promise<{ dto: D } | { failure: FormFailure }> {
  const instance = plainToInstance(dto, input);
  const problems = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  return problems.length ? { failure: validationFailure(problems) } : { dto: instance };
}

async function throughDto<D extends object, R>(form: InputForm<D, R>, body: FormBody): Promise<Outcome> {
  const checked = await checkForm(form.dto, form.input(body));
  if ('failure' in checked) return checked;
  const called = await serviceCall(() => form.call(checked.dto), form.conflictField);
  return 'failure' in called ? called : { done: await form.done(called.result, checked.dto) };
}

async function asAction<R>(form: ActionForm<R>): Promise<Outcome> {
  const failure = form.check?.();
  if (failure) return { failure };
  const called = await serviceCall(form.call, form.conflictField);
  return 'failure' in called ? called : { done: await form.done(called.result, undefined) };
}

async function serviceCall<R>(
  call: () => Promise<R>,
  conflictField?: Record<string, string>,
): Promise<{ result: R } | { failure: FormFailure }> {
  try {
    return { result: await call() };
  } catch (error) {
    return { failure: refusal(error, conflictField) };
  }
}

/** The refusal as the form shows it; `formFailure` rethrows what is not a refusal. */
function refusal(error: unknown, conflictField: Record<string, string> = {}): FormFailure {
  const failure = formFailure(error);
  const field = error instanceof AppError ? conflictField[error.code] : undefined;
  if (!field || !failure.errors._form) return failure;
  const { _form, ...fields } = failure.errors;
  return { ...failure, errors: { ...fields, [field]: _form } };
}

function onForm(errors: FormErrors, body: FormBody, rename: FormEnds<unknown, unknown>['onForm']): FormErrors {
  if (rename === 'above') return { _form: errors._form ?? Object.values(errors)[0] };
  return rename ? rename(errors, body) : errors;
}

/** The fields as posted, to show again; a password is never sent back to the browser. */
function typedValues(body: FormBody): FormValues {
  return Object.fromEntries(Object.entries(body).filter(([name]) => name !== '_csrf' && name !== 'password'));
}
