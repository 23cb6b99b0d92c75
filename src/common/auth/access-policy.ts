import { AppError } from '../errors/app-error';
import { CommonErrors } from '../errors/common.errors';
import { Actor, Role } from './role';

/**
 * Scope rules in one place: a district contact acts for their own district only, a university
 * coordinator for their own university only, the coordinator for all.
 */
export function canActForDistrict(actor: Actor, districtId: string): boolean {
  return actor.role === Role.Coordinator || (actor.role === Role.DistrictContact && actor.districtId === districtId);
}

export function canActForUniversity(actor: Actor, universityId: string): boolean {
  return (
    actor.role === Role.Coordinator ||
    (actor.role === Role.UniversityCoordinator && actor.universityId === universityId)
  );
}

export function assertDistrictScope(actor: Actor, districtId: string): void {
  if (!canActForDistrict(actor, districtId)) throw AppError.of(CommonErrors.own_district_only);
}

export function assertUniversityScope(actor: Actor, universityId: string): void {
  if (!canActForUniversity(actor, universityId)) {
    throw AppError.of(CommonErrors.own_university_only);
  }
}
