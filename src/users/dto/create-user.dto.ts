import { Transform } from 'class-transformer';
import { IsEmail, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Role } from '../../common/auth/role';
import { trim, trimLower } from '../../common/http/transforms';

export class CreateUserDto {
  @Transform(trimLower)
  @IsEmail()
  @MaxLength(254)
  email: string;

  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @IsEnum(Role)
  role: Role;

  /** Required for a district_contact. */
  @IsOptional()
  @IsUUID()
  districtId?: string;

  /** Required for a university_coordinator. */
  @IsOptional()
  @IsUUID()
  universityId?: string;

  @IsString()
  @MinLength(10)
  @MaxLength(200)
  password: string;
}
