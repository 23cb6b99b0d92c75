import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { assertUniversityScope } from '../common/auth/access-policy';
import { Actor, Role } from '../common/auth/role';
import { AppError } from '../common/errors/app-error';
import { CommonErrors } from '../common/errors/common.errors';
import { problem } from '../common/errors/error-spec';
import { universityExists } from '../universities/universities.queries';
import { PutTrainingReportDto, TrainingReportQueryDto } from './dto/training-report.dto';
import { TrainingReport } from './entities/training-report.entity';

@Injectable()
export class TrainingReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** The coordinator sees every university's reports, a university coordinator their own. */
  list(actor: Actor, query: TrainingReportQueryDto): Promise<TrainingReport[]> {
    return this.dataSource.manager.find(TrainingReport, {
      where: {
        ...(actor.role === Role.UniversityCoordinator ? { universityId: actor.universityId! } : {}),
        ...(query.year ? { year: query.year } : {}),
      },
      order: { year: 'DESC', universityId: 'ASC' },
    });
  }

  /** One report per university and year: reporting again replaces it. */
  async put(actor: Actor, dto: PutTrainingReportDto): Promise<TrainingReport> {
    assertUniversityScope(actor, dto.universityId);
    return this.dataSource.transaction(async (manager) => {
      if (!(await universityExists(manager, dto.universityId)))
        throw AppError.invalid([problem(CommonErrors.no_such_university, 'universityId', {})]);
      const before = await manager.findOne(TrainingReport, {
        where: { universityId: dto.universityId, year: dto.year },
        lock: { mode: 'pessimistic_write' },
      });
      await manager.upsert(TrainingReport, { ...dto, reportedBy: actor.id }, ['universityId', 'year']);
      const saved = await manager.findOneByOrFail(TrainingReport, { universityId: dto.universityId, year: dto.year });
      await this.audit.record(manager, actor, {
        action: before ? 'training_report.updated' : 'training_report.created',
        entityType: 'training_report',
        entityId: saved.id,
        changes: {
          year: { to: dto.year },
          offeredTraining: { from: before?.offeredTraining ?? null, to: dto.offeredTraining },
          notAdmitted: { from: before?.notAdmitted ?? null, to: dto.notAdmitted },
        },
      });
      return saved;
    });
  }
}
