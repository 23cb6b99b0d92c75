import { Field } from '../../fields/fields';
import { Student } from '../entities/student.entity';

export class StudentResponse {
  id: string;
  termId: string;
  universityId: string;
  name: string;
  email: string;
  studentRef: string;
  fieldPreferences: Field[];
  districtPreferences: string[];
  excludedDistrictIds: string[];
  languages: string[];
  needsExtraSupport: boolean;

  static of(s: Student): StudentResponse {
    return {
      id: s.id,
      termId: s.termId,
      universityId: s.universityId,
      name: s.name,
      email: s.email,
      studentRef: s.studentRef,
      fieldPreferences: s.fieldPreferences,
      districtPreferences: s.districtPreferences,
      excludedDistrictIds: s.excludedDistrictIds,
      languages: s.languages,
      needsExtraSupport: s.needsExtraSupport,
    };
  }
}

/** What a district contact sees of the students placed in their district. */
export class PlacedStudentResponse {
  id: string;
  name: string;
  universityId: string;
}

export class ImportResponse {
  imported: number;
}
