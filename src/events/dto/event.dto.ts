import { PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsOptionalNotNull } from '../../common/http/validators';
import { withCode } from '../../common/errors/validation';
import { trim } from '../../common/http/transforms';
import { TERM_CODE } from '../../terms/dto/term.dto';
import { EventsErrors } from '../events.errors';
import { EventType } from '../event-type';
import { PageQueryDto } from '../../common/http/page-query.dto';

const WITH_OFFSET = /(Z|[+-]\d{2}:\d{2})$/;

class EventFieldsDto {
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  title: string;

  /** ISO 8601 with an offset, e.g. 2026-08-31T09:00:00+02:00. */
  @IsISO8601({ strict: true }, withCode(EventsErrors.not_an_instant))
  @Matches(WITH_OFFSET, withCode(EventsErrors.instant_without_offset))
  startsAt: string;

  @IsISO8601({ strict: true }, withCode(EventsErrors.not_an_instant))
  @Matches(WITH_OFFSET, withCode(EventsErrors.instant_without_offset))
  endsAt: string;

  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  location: string;

  @IsOptional()
  @IsString()
  @MaxLength(4000)
  description?: string;

  /** Network meetings: invite the university coordinators too. */
  @IsOptionalNotNull()
  @IsBoolean()
  includeUniversities?: boolean;
}

export class CreateEventDto extends EventFieldsDto {
  @IsEnum(EventType)
  type: EventType;

  /** Required for the introduction; for a lecture it limits the supervisors invited to the term's. */
  @IsOptionalNotNull()
  @Matches(TERM_CODE, withCode(EventsErrors.event_term_code_format))
  termCode?: string;
}

/** Every field may be left out; only the description may be set to null (no description). */
export class UpdateEventDto extends PartialType(EventFieldsDto, { skipNullProperties: false }) {}

export class EventQueryDto extends PageQueryDto {
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @IsOptional()
  @IsEnum(EventType)
  type?: EventType;

  @IsOptional()
  @Matches(TERM_CODE)
  termCode?: string;
}

export class AttendanceEntryDto {
  @IsUUID()
  inviteeId: string;

  @IsBoolean()
  attended: boolean;
}

export class AttendanceDto {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => AttendanceEntryDto)
  attendance: AttendanceEntryDto[];
}
