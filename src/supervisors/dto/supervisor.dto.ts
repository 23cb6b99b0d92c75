import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
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
import { trim, trimLower } from '../../common/http/transforms';
import { Supervisor, TrainingStatus } from '../entities/supervisor.entity';
import { PageQueryDto } from '../../common/http/page-query.dto';

export class CreateSupervisorDto {
  @IsUUID()
  districtId: string;

  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @Transform(trimLower)
  @IsEmail()
  @MaxLength(254)
  email: string;

  /** Supervisor training: completed, in_progress or none. */
  @IsEnum(TrainingStatus)
  trainingStatus: TrainingStatus;

  /** Students at a time, 1 (default) or 2. */
  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(2)
  capacity?: number;
}

export class UpdateSupervisorDto {
  @IsOptionalNotNull()
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @IsOptionalNotNull()
  @Transform(trimLower)
  @IsEmail()
  @MaxLength(254)
  email?: string;

  @IsOptionalNotNull()
  @IsEnum(TrainingStatus)
  trainingStatus?: TrainingStatus;

  @IsOptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(2)
  capacity?: number;

  /** false: no longer supervising; counts as no capacity on the offers naming them. */
  @IsOptionalNotNull()
  @IsBoolean()
  active?: boolean;
}

export class SupervisorQueryDto extends PageQueryDto {
  /** A district contact sees their own district whatever they ask; the coordinator may filter. */
  @IsOptional()
  @IsUUID()
  districtId?: string;
}

export class SupervisorResponse {
  id: string;
  districtId: string;
  name: string;
  email: string;
  trainingStatus: TrainingStatus;
  capacity: number;
  active: boolean;

  static of(s: Supervisor): SupervisorResponse {
    return {
      id: s.id,
      districtId: s.districtId,
      name: s.name,
      email: s.email,
      trainingStatus: s.trainingStatus,
      capacity: s.capacity,
      active: s.active,
    };
  }
}
