import { Field } from '../../fields/fields';

export class DistrictBalanceResponse {
  districtId: string;
  name: string;
  /** At least one offer reported for the term. */
  reported: boolean;
  offeredPlaces: number;
  usablePlaces: number;
  firstReportedAt: Date | null;
}

export class FieldBalanceResponse {
  field: Field;
  offeredPlaces: number;
  usablePlaces: number;
}

export class UniversityBalanceResponse {
  universityId: string;
  code: string;
  requestedPlaces: number;
  quota: number;
  quotaOverridden: boolean;
  /** Students of the university placed this term (draft or published). */
  assigned: number;
}

export class SupervisorTrainingResponse {
  supervisors: number;
  completed: number;
  inProgress: number;
  none: number;
  /** Share (0–1) of the term's supervisors with training completed or in progress. */
  trainedShare: number | null;
}

export class BalanceResponse {
  targetPlaces: number;
  offeredPlaces: number;
  usablePlaces: number;
  /** min(targetPlaces, usablePlaces): the places the quotas split. */
  fillablePlaces: number;
  /** max(0, targetPlaces - usablePlaces). */
  shortfall: number;
  districts: DistrictBalanceResponse[];
  fields: FieldBalanceResponse[];
  universities: UniversityBalanceResponse[];
  supervisorTraining: SupervisorTrainingResponse;
}

export class QuotaOverrideResponse {
  universityId: string;
  quota: number;
  quotaOverridden: boolean;
}
