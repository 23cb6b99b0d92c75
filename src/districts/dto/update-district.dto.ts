import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { trim } from '../../common/http/transforms';

export class UpdateDistrictDto {
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  /** An active district_contact user of this district; null removes the contact. */
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsUUID()
  contactUserId?: string | null;

  @IsOptional()
  @IsBoolean()
  active?: boolean;
}
