import { Field } from '../../fields/fields';
import { SupervisorTrainingResponse } from '../../balance/dto/balance.response';

export class ReportDistrictResponse {
  districtId: string;
  name: string;
  offeredPlaces: number;
  usablePlaces: number;
  /** Published placements at the district's offers. */
  filled: number;
  /** on_time, late or not_reported, against the end of the deadline day. */
  reporting: 'on_time' | 'late' | 'not_reported';
  firstReportedAt: Date | null;
  /** Days between the first report and the deadline day; negative when late. */
  daysBeforeDeadline: number | null;
  /** Whether a contact person of the district attended the year's workshop (null: not recorded). */
  attendedWorkshop: boolean | null;
}

export class ReportFieldResponse {
  field: Field;
  offeredPlaces: number;
  usablePlaces: number;
  filled: number;
}

export class ReportUniversityResponse {
  universityId: string;
  code: string;
  requestedPlaces: number;
  quota: number;
  filled: number;
}

export class AttendanceResponse {
  eventId: string;
  title: string;
  startsAt: Date;
  invited: number;
  /** Invitees whose attendance has been recorded. */
  recorded: number;
  attended: number;
  /** Attended of invited, by kind of invitee: user, supervisor, student. */
  byKind: { kind: string; invited: number; attended: number }[];
}

export class TermReportResponse {
  termCode: string;
  status: string;
  reportingDeadline: string;
  targetPlaces: number;
  offeredPlaces: number;
  usablePlaces: number;
  /** Published placements. */
  filled: number;
  /** Placements not yet published. */
  draftPlacements: number;
  shortfall: number;
  districts: ReportDistrictResponse[];
  fields: ReportFieldResponse[];
  universities: ReportUniversityResponse[];
  supervisorTraining: SupervisorTrainingResponse;
  introduction: AttendanceResponse | null;
  /** The workshop of the term's academic year (held before the autumn term). */
  workshop: AttendanceResponse | null;
}

export class TrendRowResponse {
  termCode: string;
  status: string;
  targetPlaces: number;
  offeredPlaces: number;
  usablePlaces: number;
  filled: number;
  shortfall: number;
  districtsReported: number;
  districtsOnTime: number;
  trainedShare: number | null;
  introductionAttendance: number | null;
}
