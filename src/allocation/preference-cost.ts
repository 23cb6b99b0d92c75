/**
 * What a placement costs against a student's wishes; the engine places as many students as it
 * can and, among those solutions, minimises the summed cost. These are the only weights.
 *
 *   cost = FIELD_RANK_COST[rank of the offer's field among the student's fields]
 *        + DISTRICT_RANK_COST[rank of the offer's district among the student's districts]
 *          (UNLISTED_DISTRICT_COST when the district is not one of them)
 *
 * With these numbers a third-choice field (5+) never beats the first-choice field (at most 3),
 * while a second-choice field in the first-choice district (2) does beat the first-choice field
 * in a district the student did not list (3). Pairs in a field the student did not list, or in
 * an excluded district, are not allowed at all.
 */
export const FIELD_RANK_COST = [0, 2, 5] as const;
export const DISTRICT_RANK_COST = [0, 1, 2] as const;
export const UNLISTED_DISTRICT_COST = 3;

export interface StudentWishes {
  fieldPreferences: readonly string[];
  districtPreferences: readonly string[];
  excludedDistrictIds: readonly string[];
}

/** The cost of placing the student at an offer of `field` in `districtId`, or null when not allowed. */
export function preferenceCost(student: StudentWishes, field: string, districtId: string): number | null {
  const fieldRank = student.fieldPreferences.indexOf(field);
  if (fieldRank < 0 || student.excludedDistrictIds.includes(districtId)) return null;
  const districtRank = student.districtPreferences.indexOf(districtId);
  return FIELD_RANK_COST[fieldRank] + (districtRank < 0 ? UNLISTED_DISTRICT_COST : DISTRICT_RANK_COST[districtRank]);
}
