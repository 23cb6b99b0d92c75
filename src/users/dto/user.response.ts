import { Role } from '../../common/auth/role';
import { User } from '../entities/user.entity';

export class UserResponse {
  id: string;
  email: string;
  name: string;
  role: Role;
  districtId: string | null;
  universityId: string | null;
  active: boolean;
  createdAt: Date;

  static of(user: User): UserResponse {
    return {
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      districtId: user.districtId,
      universityId: user.universityId,
      active: user.active,
      createdAt: user.createdAt,
    };
  }
}
