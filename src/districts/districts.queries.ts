import { EntityManager, FindOptionsOrder, In } from 'typeorm';
import type { AuditService } from '../audit/audit.service';
import type { Actor } from '../common/auth/role';
import { District } from './entities/district.entity';

export function districtById(manager: EntityManager, id: string): Promise<District | null> {
  return manager.findOneBy(District, { id });
}

export function districtsByIds(manager: EntityManager, ids: string[]): Promise<District[]> {
  return manager.findBy(District, { id: In(ids) });
}

export function districtsByName(manager: EntityManager): Promise<District[]> {
  return manager.find(District, { order: { name: 'ASC' } });
}

export function activeDistricts(manager: EntityManager): Promise<District[]> {
  return manager.find(District, { where: { active: true } });
}

/** With `contactUser` loaded; the caller checks that the contact is still an active district contact. */
export function activeDistrictsWithContact(
  manager: EntityManager,
  order?: FindOptionsOrder<District>,
): Promise<District[]> {
  return manager.find(District, {
    where: { active: true },
    relations: { contactUser: true },
    ...(order ? { order } : {}),
  });
}

/** Serialises offer and supervisor writes of one district; null when there is no such district. */
export function lockDistrict(manager: EntityManager, id: string): Promise<District | null> {
  return manager.findOne(District, { where: { id }, lock: { mode: 'pessimistic_write' } });
}

/** An erased user is no longer any district's contact. */
export async function removeContact(manager: EntityManager, userId: string): Promise<void> {
  await manager.update(District, { contactUserId: userId }, { contactUserId: null });
}

/** A deactivated user stops being their district's contact, audited as a change of the district. */
export async function releaseContactRole(
  manager: EntityManager,
  audit: AuditService,
  actor: Actor | null,
  userId: string,
): Promise<void> {
  const district = await manager.findOneBy(District, { contactUserId: userId });
  if (!district) return;
  await audit.update(manager, actor, District, 'district', district, { contactUserId: null });
}
