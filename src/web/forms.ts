import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DateTime } from 'luxon';
import { AppError } from '../common/errors/app-error';
import { swedishError, swedishProblems } from './i18n';
import { FormErrors } from './view.service';

type Class<T> = new () => T;

/**
 * Checks form input against the API's own DTO (the same rules, not a copy): the DTO, or the
 * problems in Swedish by field.
 */
export async function validateForm<T extends object>(dto: Class<T>, input: Record<string, unknown>): Promise<{ dto: T } | { errors: FormErrors }> {
  const instance = plainToInstance(dto, input);
  const problems = await validate(instance, { whitelist: true, forbidNonWhitelisted: true });
  return problems.length ? { errors: swedishProblems(problems) } : { dto: instance };
}

/** Runs a service call; an AppError becomes Swedish form errors (`_form` for the whole form). */
export async function attempt<T>(action: () => Promise<T>): Promise<{ ok: T } | { errors: FormErrors; status: number }> {
  try {
    return { ok: await action() };
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    const { general, fields } = swedishError(error);
    return { errors: { ...fields, ...(general ? { _form: general } : {}) }, status: error.getStatus() };
  }
}

/** Form values arrive as strings: these turn them into what the DTOs expect. */
export const formValue = {
  int: (value: unknown) => (typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value === '' ? undefined : value),
  list: (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : typeof value === 'string' && value !== '' ? [value] : []),
  bool: (value: unknown) => value === 'on' || value === 'true' || value === 'ja',
  text: (value: unknown) => (typeof value === 'string' ? value : undefined),
  optionalText: (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined),
  /** A `datetime-local` value (Stockholm time) as an instant with its offset. */
  stockholmInstant: (value: unknown): string | undefined => {
    if (typeof value !== 'string' || !value) return undefined;
    const instant = DateTime.fromISO(value, { zone: 'Europe/Stockholm' });
    return instant.isValid ? instant.toISO({ suppressMilliseconds: true })! : value;
  },
};
