import { IsInt, Max, Min } from 'class-validator';

export class PutQuotaDto {
  @IsInt()
  @Min(0)
  @Max(1000)
  quota: number;
}
