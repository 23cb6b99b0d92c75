import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { IsOptionalNotNull } from '../../common/http/validators';
import { Field } from '../../fields/fields';
import { trim, trimLower } from '../../common/http/transforms';
import { withCode } from '../../common/errors/validation';
import { StudentsErrors } from '../students.errors';
import { NOT_A_PERSONAL_NUMBER } from '../student-rules';

/** What a student is registered with; shared by the API and the CSV import. */
export class StudentFieldsDto {
  @Transform(trim)
  @IsString()
  @MinLength(1, withCode(StudentsErrors.student_name_required))
  @MaxLength(200)
  name: string;

  @Transform(trimLower)
  @IsEmail()
  @MaxLength(254)
  email: string;

  /** The university's own reference; never a personal identity number. */
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  @Matches(NOT_A_PERSONAL_NUMBER, withCode(StudentsErrors.student_ref_personal_number))
  studentRef: string;

  /** 1–3 distinct fields, most wanted first. */
  @IsArray()
  @ArrayMinSize(1, withCode(StudentsErrors.field_preferences_required))
  @ArrayMaxSize(3)
  @ArrayUnique(withCode(StudentsErrors.field_preferences_repeated))
  @IsEnum(Field, { each: true })
  fieldPreferences: Field[];

  /** Up to 3 districts, most wanted first. */
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(3)
  @ArrayUnique(withCode(StudentsErrors.district_preferences_repeated))
  @IsUUID('all', { each: true })
  districtPreferences?: string[];

  /** Districts the student must not be placed in, e.g. for a conflict of interest. */
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(14)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  excludedDistrictIds?: string[];

  @IsOptionalNotNull()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  languages?: string[];

  @IsOptionalNotNull()
  @IsBoolean()
  needsExtraSupport?: boolean;
}
