import { randomBytes } from 'node:crypto';
import { Role } from '../../src/common/auth/role';
import { District } from '../../src/districts/entities/district.entity';
import { University } from '../../src/universities/entities/university.entity';
import { UsersService } from '../../src/users/users.service';
import { TestApp } from '../support/test-app';

export interface SignedInUser {
  id: string;
  email: string;
  password: string;
  role: Role;
  districtId: string | null;
  universityId: string | null;
  token: string;
  auth: { Authorization: string };
}

export async function districtByCode(t: TestApp, code: string): Promise<District> {
  return t.dataSource.getRepository(District).findOneByOrFail({ code });
}

export async function universityByCode(t: TestApp, code: string): Promise<University> {
  return t.dataSource.getRepository(University).findOneByOrFail({ code });
}

/** Creates a user through the service and signs in through HTTP, as a person would. */
export async function signedInUser(
  t: TestApp,
  role: Role,
  scope: { district?: string; university?: string } = {},
): Promise<SignedInUser> {
  const password = `pw-${randomBytes(8).toString('hex')}`;
  const email = `${role}-${randomBytes(4).toString('hex')}@example.se`;
  const districtId =
    role === Role.DistrictContact ? (await districtByCode(t, scope.district ?? 'bromma')).id : undefined;
  const universityId =
    role === Role.UniversityCoordinator ? (await universityByCode(t, scope.university ?? 'SU')).id : undefined;
  const user = await t.app
    .get(UsersService)
    .create(null, { email, name: `Test ${role}`, role, password, districtId, universityId });
  const response = await t.http().post('/api/auth/login').send({ email, password }).expect(200);
  const token = response.body.accessToken as string;
  return {
    id: user.id,
    email,
    password,
    role,
    districtId: user.districtId,
    universityId: user.universityId,
    token,
    auth: { Authorization: `Bearer ${token}` },
  };
}
