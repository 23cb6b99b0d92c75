export enum Role {
  Coordinator = 'coordinator',
  DistrictContact = 'district_contact',
  UniversityCoordinator = 'university_coordinator',
}

/** Who is acting: what the access guard attaches to each request after checking the token. */
export interface Actor {
  id: string;
  role: Role;
  districtId: string | null;
  universityId: string | null;
}
