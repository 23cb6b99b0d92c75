import { Transform } from 'class-transformer';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { trim } from '../../common/http/transforms';
import { University } from '../entities/university.entity';

export class UpdateUniversityDto {
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;
}

export class UniversityResponse {
  id: string;
  name: string;
  code: string;

  static of(university: University): UniversityResponse {
    return { id: university.id, name: university.name, code: university.code };
  }
}
