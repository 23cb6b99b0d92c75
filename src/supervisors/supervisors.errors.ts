import { defineErrors, error } from '../common/errors/error-spec';

export const SupervisorsErrors = defineErrors({
  supervisor_email_taken: error({
    status: 409,
    sample: { email: 'sara.oberg@stockholm.se' },
    message: () => 'The district already has a supervisor with this e-mail',
    sv: (p) => `Stadsdelen har redan en handledare med e-postadressen ${p.email}.`,
  }),
});
