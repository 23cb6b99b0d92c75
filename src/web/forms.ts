import { DateTime } from 'luxon';

/** Form values arrive as strings: these turn them into what the DTOs expect. */
export const formValue = {
  int: (value: unknown) =>
    typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value) : value === '' ? undefined : value,
  list: (value: unknown): string[] =>
    Array.isArray(value) ? value.map(String) : typeof value === 'string' && value !== '' ? [value] : [],
  bool: (value: unknown) => value === 'on' || value === 'true' || value === 'ja',
  text: (value: unknown) => (typeof value === 'string' ? value : undefined),
  optionalText: (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined),
  /** A `datetime-local` value (Stockholm time) as an instant with its offset. */
  stockholmInstant: (value: unknown): string | undefined => {
    if (typeof value !== 'string' || !value) return undefined;
    const instant = DateTime.fromISO(value, { zone: 'Europe/Stockholm' });
    return instant.isValid ? instant.toISO({ suppressMilliseconds: true }) : value;
  },
};
