import { Transform } from 'class-transformer';
import { IsEmail, MaxLength } from 'class-validator';
import { trimLower } from '../../common/http/transforms';

export class PersonQueryDto {
  @Transform(trimLower)
  @IsEmail()
  @MaxLength(254)
  email: string;
}

export class ErasureResponse {
  erased: { kind: string; id: string }[];
  /** Kept, with the duty that keeps them (e.g. a term that is not closed). */
  retained: { kind: string; id: string; reason: string }[];
}
