import { defineErrors, error } from '../common/errors/error-spec';
import { count } from '../common/errors/swedish';

/** Signing in; the refusals of every route (unauthenticated, invalid_token, role_required, form_expired) are common. */
export const AuthErrors = defineErrors({
  invalid_credentials: error({
    status: 401,
    sample: {},
    message: () => 'Invalid e-mail or password',
    sv: () => 'Fel e-postadress eller lösenord.',
  }),
  too_many_attempts: error({
    status: 429,
    sample: { minutes: 15 },
    message: (p) => `Too many failed sign-in attempts; try again in ${p.minutes} minutes`,
    sv: (p) => `För många misslyckade inloggningar. Vänta ${count(p.minutes, 'minut', 'minuter')} och försök igen.`,
  }),
});
