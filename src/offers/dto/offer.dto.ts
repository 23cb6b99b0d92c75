import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { IsOptionalNotNull } from '../../common/http/validators';
import { Field } from '../../fields/fields';
import { trim } from '../../common/http/transforms';
import { PageQueryDto } from '../../common/http/page-query.dto';

export class CreateOfferDto {
  @IsUUID()
  districtId: string;

  /** The unit (enhet) that takes the students. */
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  unitName: string;

  @IsEnum(Field)
  field: Field;

  @IsInt()
  @Min(1)
  @Max(20)
  places: number;

  /** Supervisors of the same district; each student needs one. */
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(40)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  supervisorIds: string[];
}

export class UpdateOfferDto {
  @IsOptionalNotNull()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  unitName?: string;

  @IsOptionalNotNull()
  @IsEnum(Field)
  field?: Field;

  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(20)
  places?: number;

  @IsOptionalNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(40)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  supervisorIds?: string[];
}

export class OfferQueryDto extends PageQueryDto {
  @IsOptional()
  @IsUUID()
  districtId?: string;
}
