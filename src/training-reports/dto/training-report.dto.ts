import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min, MinLength } from 'class-validator';
import { TrainingReport } from '../entities/training-report.entity';

export class PutTrainingReportDto {
  @IsUUID()
  universityId: string;

  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  /** District staff offered supervisor training during the year. */
  @IsInt()
  @Min(0)
  @Max(10000)
  offeredTraining: number;

  /** Of those who applied, how many could not be given a place. */
  @IsInt()
  @Min(0)
  @Max(10000)
  notAdmitted: number;

  @IsString()
  @MinLength(1)
  @MaxLength(10000)
  evaluationSummary: string;
}

export class TrainingReportQueryDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class TrainingReportResponse {
  id: string;
  universityId: string;
  year: number;
  offeredTraining: number;
  notAdmitted: number;
  evaluationSummary: string;
  updatedAt: Date;

  static of(r: TrainingReport): TrainingReportResponse {
    return {
      id: r.id,
      universityId: r.universityId,
      year: r.year,
      offeredTraining: r.offeredTraining,
      notAdmitted: r.notAdmitted,
      evaluationSummary: r.evaluationSummary,
      updatedAt: r.updatedAt,
    };
  }
}
