import { assertDistrictScope, assertUniversityScope, canActForDistrict, canActForUniversity } from './access-policy';
import { Actor, Role } from './role';

const coordinator: Actor = { id: 'c', role: Role.Coordinator, districtId: null, universityId: null };
const contact: Actor = { id: 'd', role: Role.DistrictContact, districtId: 'bromma', universityId: null };
const university: Actor = { id: 'u', role: Role.UniversityCoordinator, districtId: null, universityId: 'su' };

describe('access policy', () => {
  it('lets the coordinator act for every district and university', () => {
    expect(canActForDistrict(coordinator, 'bromma')).toBe(true);
    expect(canActForUniversity(coordinator, 'su')).toBe(true);
  });

  it('lets a district contact act for their own district only', () => {
    expect(canActForDistrict(contact, 'bromma')).toBe(true);
    expect(canActForDistrict(contact, 'farsta')).toBe(false);
    expect(canActForUniversity(contact, 'su')).toBe(false);
    expect(() => assertDistrictScope(contact, 'farsta')).toThrow(
      expect.objectContaining({ code: 'own_district_only', sv: 'Du kan bara göra det för din egen stadsdel.' }),
    );
  });

  it('lets a university coordinator act for their own university only', () => {
    expect(canActForUniversity(university, 'su')).toBe(true);
    expect(canActForUniversity(university, 'sh')).toBe(false);
    expect(canActForDistrict(university, 'bromma')).toBe(false);
    expect(() => assertUniversityScope(university, 'sh')).toThrow(/own university/);
  });
});
