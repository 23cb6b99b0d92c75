import { Role } from '../common/auth/role';

/**
 * Who may be a district's contact person: an active user with the district-contact role in that
 * district. The one statement of the rule, for the service that enforces it and the pages that
 * offer the choice.
 */
export function canBeContactOf(
  user: { role: Role; active: boolean; districtId: string | null },
  districtId: string,
): boolean {
  return user.role === Role.DistrictContact && user.active && user.districtId === districtId;
}
