import { IsInt, Max, Min } from 'class-validator';

export class PutDemandDto {
  /** Term-five students the university needs places for. */
  @IsInt()
  @Min(0)
  @Max(1000)
  requestedPlaces: number;
}

export class DemandResponse {
  universityId: string;
  code: string;
  name: string;
  /** null until the university has stated it. */
  requestedPlaces: number | null;
  updatedAt: Date | null;
}
