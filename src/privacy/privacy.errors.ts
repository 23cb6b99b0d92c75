import { defineErrors, error } from '../common/errors/error-spec';

export const PrivacyErrors = defineErrors({
  erase_self: error({
    status: 409,
    sample: {},
    message: () => 'You cannot erase your own account',
    sv: () => 'Du kan inte radera ditt eget konto.',
  }),
});
