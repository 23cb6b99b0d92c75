import { District } from '../entities/district.entity';

export class DistrictResponse {
  id: string;
  name: string;
  code: string;
  contactUserId: string | null;
  active: boolean;

  static of(district: District): DistrictResponse {
    return {
      id: district.id,
      name: district.name,
      code: district.code,
      contactUserId: district.contactUserId,
      active: district.active,
    };
  }
}
