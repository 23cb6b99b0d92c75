import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { diffFields } from '../audit/audit-diff';
import { assertDistrictScope } from '../common/auth/access-policy';
import { Actor, Role } from '../common/auth/role';
import { AppError } from '../common/errors/app-error';
import { CommonErrors } from '../common/errors/common.errors';
import { problem } from '../common/errors/error-spec';
import { Paged, pageWindow, takeSkip } from '../common/http/paging';
import { CoverageService } from '../offers/coverage.service';
import { CreateSupervisorDto, SupervisorQueryDto, UpdateSupervisorDto } from './dto/supervisor.dto';
import { Supervisor } from './entities/supervisor.entity';
import { SupervisorsErrors } from './supervisors.errors';

@Injectable()
export class SupervisorsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Supervisor) private readonly supervisors: Repository<Supervisor>,
    private readonly coverage: CoverageService,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, query: SupervisorQueryDto): Promise<Paged<Supervisor>> {
    const districtId = actor.role === Role.DistrictContact ? (query.districtId ?? actor.districtId!) : query.districtId;
    if (districtId) assertDistrictScope(actor, districtId);
    const [rows, total] = await this.supervisors.findAndCount({
      where: districtId ? { districtId } : {},
      order: { name: 'ASC', email: 'ASC', id: 'ASC' },
      ...takeSkip(pageWindow(query)),
    });
    return { rows, total };
  }

  async get(actor: Actor, id: string): Promise<Supervisor> {
    const supervisor = await this.supervisors.findOneBy({ id });
    if (!supervisor) throw AppError.notFound('supervisor');
    assertDistrictScope(actor, supervisor.districtId);
    return supervisor;
  }

  async create(actor: Actor, dto: CreateSupervisorDto): Promise<Supervisor> {
    assertDistrictScope(actor, dto.districtId);
    return this.dataSource.transaction(async (manager) => {
      if (!(await this.coverage.lockDistrict(manager, dto.districtId)))
        throw AppError.invalid([problem(CommonErrors.no_such_district, 'districtId', {})]);
      if (await manager.existsBy(Supervisor, { districtId: dto.districtId, email: dto.email })) {
        throw AppError.of(SupervisorsErrors.supervisor_email_taken, { email: dto.email });
      }
      const supervisor = manager.create(Supervisor, { ...dto, capacity: dto.capacity ?? 1 });
      await manager.insert(Supervisor, supervisor);
      const { districtId, name, email, trainingStatus, capacity } = supervisor;
      await this.audit.record(manager, actor, {
        action: 'supervisor.created',
        entityType: 'supervisor',
        entityId: supervisor.id,
        changes: diffFields(null, { districtId, name, email, trainingStatus, capacity }),
      });
      return manager.findOneByOrFail(Supervisor, { id: supervisor.id });
    });
  }

  /** A lower capacity or a deactivation must still cover the places of the offers naming them (409). */
  async update(actor: Actor, id: string, dto: UpdateSupervisorDto): Promise<Supervisor> {
    const existing = await this.get(actor, id);
    return this.dataSource.transaction(async (manager) => {
      await this.coverage.lockDistrict(manager, existing.districtId);
      // Locked as the assignment trigger locks it, so a placement cannot slip in meanwhile.
      const supervisor = await manager.findOneOrFail(Supervisor, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (
        dto.email &&
        dto.email !== supervisor.email &&
        (await manager.existsBy(Supervisor, { districtId: supervisor.districtId, email: dto.email }))
      ) {
        throw AppError.of(SupervisorsErrors.supervisor_email_taken, { email: dto.email });
      }
      if (!(await this.audit.update(manager, actor, Supervisor, 'supervisor', supervisor, dto))) return supervisor;
      const lessCapacity =
        (dto.capacity !== undefined && dto.capacity < supervisor.capacity) ||
        (dto.active === false && supervisor.active);
      if (lessCapacity) {
        await this.coverage.assertCovered(manager, supervisor.districtId);
        await this.coverage.assertPlacementsFit(manager, { supervisorIds: [id] });
      }
      return manager.findOneByOrFail(Supervisor, { id });
    });
  }
}
