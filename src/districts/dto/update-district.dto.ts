import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsOptionalNotNull } from '../../common/http/validators';
import { trim } from '../../common/http/transforms';

export class UpdateDistrictDto {
  @IsOptionalNotNull()
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

  @IsOptionalNotNull()
  @IsBoolean()
  active?: boolean;
}
