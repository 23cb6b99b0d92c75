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

/** What a scoped list shows depends on who asks only through this: their district, their university, or all. */
export function scopeOf(actor: Actor): string {
  if (actor.role === Role.DistrictContact) return `district:${actor.districtId}`;
  if (actor.role === Role.UniversityCoordinator) return `university:${actor.universityId}`;
  return 'all';
}
