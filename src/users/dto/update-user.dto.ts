import { Transform } from 'class-transformer';
import { IsBoolean, IsString, MaxLength, MinLength } from 'class-validator';
import { IsOptionalNotNull } from '../../common/http/validators';
import { trim } from '../../common/http/transforms';

export class UpdateUserDto {
  @IsOptionalNotNull()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  /** false signs the user out everywhere at once. */
  @IsOptionalNotNull()
  @IsBoolean()
  active?: boolean;

  /** A new password also ends the user's current sessions. */
  @IsOptionalNotNull()
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password?: string;
}
