import { Role } from '../common/auth/role';
import { ROLE_SV } from '../common/errors/common.errors';
import { defineErrors, error } from '../common/errors/error-spec';

/** The roles that belong to a district or a university. */
type ScopedRole = Role.DistrictContact | Role.UniversityCoordinator;

export const UsersErrors = defineErrors({
  email_taken: error({
    status: 409,
    sample: { email: 'anna.berg@stockholm.se' },
    message: () => 'A user with this e-mail already exists',
    sv: (p) => `Det finns redan en användare med e-postadressen ${p.email}.`,
  }),
  self_deactivation: error({
    status: 409,
    sample: {},
    message: () => 'You cannot deactivate your own account',
    sv: () => 'Du kan inte inaktivera ditt eget konto.',
  }),
  /** A field problem: a district contact needs their district, a university coordinator their university. */
  scope_required: error({
    status: 400,
    sample: { role: Role.DistrictContact } as { role: ScopedRole },
    message: (p) => `is required for a ${p.role}`,
    sv: (p) =>
      p.role === Role.DistrictContact ? 'Välj stadsdel för en kontaktperson.' : 'Välj lärosäte för en VFU-samordnare.',
  }),
  /** A field problem: a district or a university given for a role that has none. */
  scope_not_allowed: error({
    status: 400,
    sample: { role: Role.Coordinator, scope: 'district' } as { role: Role; scope: 'district' | 'university' },
    message: (p) => `must be empty for a ${p.role}`,
    sv: (p) =>
      `Lämna fältet tomt: en ${ROLE_SV[p.role] ?? 'användare med den rollen'} hör inte till ${p.scope === 'district' ? 'någon stadsdel' : 'något lärosäte'}.`,
  }),
});
