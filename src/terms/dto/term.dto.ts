import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsEnum,
  IsInt,
  IsUUID,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsCalendarDate, IsOptionalNotNull } from '../../common/http/validators';
import { withCode } from '../../common/errors/validation';
import { TermsErrors } from '../terms.errors';
import { TermStatus } from '../term-status';

export const TERM_CODE = /^(HT|VT)\d{4}$/;

export class TermPeriodDto {
  @IsUUID()
  universityId: string;

  /** First day of the university's VFU period (YYYY-MM-DD). */
  @IsCalendarDate()
  startsOn: string;

  /** Last day; after startsOn. */
  @IsCalendarDate()
  endsOn: string;
}

export class CreateTermDto {
  /** HT = autumn, VT = spring, and the year: HT2026. */
  @Matches(TERM_CODE, withCode(TermsErrors.term_code_format))
  code: string;

  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(1000)
  targetPlaces?: number;

  /** Last day (Stockholm time) for districts to report offers; it counts in full. */
  @IsCalendarDate()
  reportingDeadline: string;

  /** Each university's VFU period this term, at most one per university. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => TermPeriodDto)
  periods: TermPeriodDto[];
}

export class UpdateTermDto {
  @IsOptionalNotNull()
  @Matches(TERM_CODE, withCode(TermsErrors.term_code_format))
  code?: string;

  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(1000)
  targetPlaces?: number;

  @IsOptionalNotNull()
  @IsCalendarDate()
  reportingDeadline?: string;

  /** Replaces all periods. */
  @IsOptionalNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => TermPeriodDto)
  periods?: TermPeriodDto[];

  /** One step along planning → reporting → allocating → published → closed. */
  @IsOptionalNotNull()
  @IsEnum(TermStatus)
  status?: TermStatus;
}
