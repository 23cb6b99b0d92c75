import { defineErrors, error } from '../common/errors/error-spec';
import { duration } from '../common/errors/swedish';

const inEnglish = (seconds: number) => {
  const [n, unit] = seconds < 60 ? [seconds, 'second'] : [Math.ceil(seconds / 60), 'minute'];
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
};

/** Signing in; the refusals of every route (unauthenticated, invalid_token, role_required, form_expired) are common. */
export const AuthErrors = defineErrors({
  invalid_credentials: error({
    status: 401,
    sample: {},
    message: () => 'Invalid e-mail or password',
    sv: () => 'Fel e-postadress eller lösenord.',
  }),
  /** `seconds`: until the attempt that was refused would be let through (also `Retry-After`). */
  too_many_attempts: error({
    status: 429,
    sample: { seconds: 840 },
    retryAfter: (p) => p.seconds,
    message: (p) => `Too many failed sign-in attempts; try again in ${inEnglish(p.seconds)}`,
    sv: (p) => `För många misslyckade inloggningar. Vänta ${duration(p.seconds)} och försök igen.`,
  }),
});
