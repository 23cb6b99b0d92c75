import { Transform } from 'class-transformer';
import { IsEmail, IsEnum, IsOptional, IsString, IsUUID, MaxLength, MinLength } from 'class-validator';
import { Role } from '../../common/auth/role';

export const trimLower = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toLowerCase() : value;
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

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
