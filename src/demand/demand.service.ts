import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { assertUniversityScope } from '../common/auth/access-policy';
import { Actor, Role } from '../common/auth/role';
import { AppError } from '../common/errors/app-error';
import { OPEN_FOR_REPORTING } from '../terms/term-status';
import { TermsService } from '../terms/terms.service';
import { universitiesByCode, universityById } from '../universities/universities.queries';
import { DemandResponse, PutDemandDto } from './dto/demand.dto';
import { TermDemand } from './entities/term-demand.entity';
import { DemandErrors } from './demand.errors';

@Injectable()
export class DemandService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly terms: TermsService,
    private readonly audit: AuditService,
  ) {}

  /** Every university's demand for the coordinator; a university coordinator sees their own. */
  async list(actor: Actor, code: string): Promise<DemandResponse[]> {
    const term = await this.terms.findByCode(code);
    const universities = await universitiesByCode(
      this.dataSource.manager,
      actor.role === Role.UniversityCoordinator ? actor.universityId! : undefined,
    );
    const demands = await this.dataSource.manager.findBy(TermDemand, { termId: term.id });
    return universities.map((university) => {
      const demand = demands.find((d) => d.universityId === university.id);
      return {
        universityId: university.id,
        code: university.code,
        name: university.name,
        requestedPlaces: demand?.requestedPlaces ?? null,
        updatedAt: demand?.updatedAt ?? null,
      };
    });
  }

  /** A university coordinator states it until allocation starts; the coordinator at any time. */
  async put(actor: Actor, code: string, universityId: string, dto: PutDemandDto): Promise<DemandResponse> {
    assertUniversityScope(actor, universityId);
    return this.dataSource.transaction(async (manager) => {
      const term = await this.terms.findByCode(code, manager);
      const university = await universityById(manager, universityId);
      if (!university) throw AppError.notFound('university');
      if (actor.role !== Role.Coordinator && !OPEN_FOR_REPORTING.includes(term.status)) {
        throw AppError.of(DemandErrors.demand_closed, { termCode: term.code, status: term.status });
      }
      const before = await manager.findOne(TermDemand, {
        where: { termId: term.id, universityId },
        lock: { mode: 'pessimistic_write' },
      });
      await manager.upsert(TermDemand, { termId: term.id, universityId, requestedPlaces: dto.requestedPlaces }, [
        'termId',
        'universityId',
      ]);
      await this.audit.record(manager, actor, {
        action: 'demand.set',
        entityType: 'term',
        entityId: term.id,
        changes: { [`demand.${university.code}`]: { from: before?.requestedPlaces ?? null, to: dto.requestedPlaces } },
      });
      const saved = await manager.findOneByOrFail(TermDemand, { termId: term.id, universityId });
      return {
        universityId,
        code: university.code,
        name: university.name,
        requestedPlaces: saved.requestedPlaces,
        updatedAt: saved.updatedAt,
      };
    });
  }
}
