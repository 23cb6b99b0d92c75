import { EntityManager, In } from 'typeorm';
import { Role } from '../common/auth/role';
import { REMOVED_NAME, removedEmail } from '../privacy/removed-data';
import { User } from './entities/user.entity';

export function userById(manager: EntityManager, id: string): Promise<User | null> {
  return manager.findOneBy(User, { id });
}

export function activeUserById(manager: EntityManager, id: string): Promise<User | null> {
  return manager.findOneBy(User, { id, active: true });
}

export function usersWithEmail(manager: EntityManager, email: string): Promise<User[]> {
  return manager.findBy(User, { email });
}

/** By e-mail; only those of `universityId` when it is given. */
export function activeUsersWithRole(manager: EntityManager, role: Role, universityId?: string): Promise<User[]> {
  return manager.find(User, {
    where: { role, ...(universityId ? { universityId } : {}), active: true },
    order: { email: 'ASC' },
  });
}

/** By e-mail. */
export function activeUsersWithRoles(manager: EntityManager, roles: Role[]): Promise<User[]> {
  return manager.find(User, { where: { role: In(roles), active: true }, order: { email: 'ASC' } });
}

/** In no particular order. */
export function activeCoordinators(manager: EntityManager): Promise<User[]> {
  return manager.find(User, { where: { role: Role.Coordinator, active: true } });
}

/** Every user's district (null for those who are no district's contact). */
export function districtsOfUsers(manager: EntityManager): Promise<Pick<User, 'id' | 'districtId'>[]> {
  return manager.find(User, { select: { id: true, districtId: true } });
}

/** Removes the user's name and e-mail and ends their sign-ins; the row and its id stay. */
export async function anonymiseUser(manager: EntityManager, user: User): Promise<void> {
  await manager.update(
    User,
    { id: user.id },
    { name: REMOVED_NAME, email: removedEmail(user.id), active: false, tokenVersion: user.tokenVersion + 1 },
  );
}
