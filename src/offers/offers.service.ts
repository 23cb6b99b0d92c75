import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { countPlacedAtOffer } from '../assignments/assignments.queries';
import { AuditService } from '../audit/audit.service';
import { diffFields } from '../audit/audit-diff';
import { assertDistrictScope } from '../common/auth/access-policy';
import { Actor, Role } from '../common/auth/role';
import { AppError } from '../common/errors/app-error';
import { CommonErrors } from '../common/errors/common.errors';
import { FieldProblem, problem } from '../common/errors/error-spec';
import { Paged, pageWindow, takeSkip } from '../common/http/paging';
import { Clock } from '../common/time/clock';
import { ReadCache } from '../database/read-cache';
import type { Supervisor } from '../supervisors/entities/supervisor.entity';
import { supervisorsByIds } from '../supervisors/supervisors.queries';
import type { Term } from '../terms/entities/term.entity';
import { termById } from '../terms/terms.queries';
import { TermsService } from '../terms/terms.service';
import { CoverageService } from './coverage.service';
import { CreateOfferDto, OfferQueryDto, UpdateOfferDto } from './dto/offer.dto';
import { PlacementOffer } from './entities/placement-offer.entity';
import { OffersErrors } from './offers.errors';
import { reportingClosed } from './reporting-window';

@Injectable()
export class OffersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly terms: TermsService,
    private readonly coverage: CoverageService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly cache: ReadCache,
  ) {}

  /** The coordinator sees every district's offers (or one's); a contact their own district's. */
  async list(actor: Actor, code: string, query: OfferQueryDto): Promise<Paged<PlacementOffer>> {
    const districtId = actor.role === Role.DistrictContact ? (query.districtId ?? actor.districtId!) : query.districtId;
    if (districtId) assertDistrictScope(actor, districtId);
    const window = pageWindow(query);
    return this.cache.get(`offers:${code}:${districtId}:${window.take}:${window.skip}`, async () => {
      const term = await this.terms.findByCode(code);
      const [rows, total] = await this.dataSource.manager.findAndCount(PlacementOffer, {
        where: { termId: term.id, ...(districtId ? { districtId } : {}) },
        relations: { supervisors: true },
        order: { unitName: 'ASC', field: 'ASC', id: 'ASC' },
        ...takeSkip(window),
      });
      return { rows, total };
    });
  }

  async get(actor: Actor, id: string): Promise<PlacementOffer> {
    const offer = await this.dataSource.manager.findOne(PlacementOffer, {
      where: { id },
      relations: { supervisors: true },
    });
    if (!offer) throw AppError.notFound('offer');
    assertDistrictScope(actor, offer.districtId);
    return offer;
  }

  async create(actor: Actor, code: string, dto: CreateOfferDto): Promise<PlacementOffer> {
    assertDistrictScope(actor, dto.districtId);
    return this.dataSource.transaction(async (manager) => {
      const term = await this.terms.findByCode(code, manager);
      this.assertOpen(actor, term);
      if (!(await this.coverage.lockDistrict(manager, dto.districtId)))
        throw AppError.invalid([problem(CommonErrors.no_such_district, 'districtId', {})]);
      const supervisors = await this.supervisorsOf(manager, dto.districtId, dto.supervisorIds);
      await this.assertUnique(manager, term.id, dto.districtId, dto.unitName, dto.field);
      const offer = manager.create(PlacementOffer, {
        termId: term.id,
        districtId: dto.districtId,
        unitName: dto.unitName,
        field: dto.field,
        places: dto.places,
        supervisors,
        createdBy: actor.id,
      });
      await manager.save(PlacementOffer, offer);
      await this.coverage.assertCovered(manager, dto.districtId, [term.id]);
      await this.audit.record(manager, actor, {
        action: 'offer.created',
        entityType: 'offer',
        entityId: offer.id,
        changes: diffFields(null, {
          termId: term.id,
          districtId: dto.districtId,
          unitName: dto.unitName,
          field: dto.field,
          places: dto.places,
          supervisorIds: dto.supervisorIds,
        }),
      });
      return this.reload(manager, offer.id);
    });
  }

  async update(actor: Actor, id: string, dto: UpdateOfferDto): Promise<PlacementOffer> {
    const existing = await this.get(actor, id);
    return this.dataSource.transaction(async (manager) => {
      const term = await termById(manager, existing.termId);
      this.assertOpen(actor, term);
      await this.coverage.lockDistrict(manager, existing.districtId);
      // Locked as the assignment trigger locks it, so a placement cannot slip in meanwhile.
      await manager.findOne(PlacementOffer, { where: { id }, lock: { mode: 'pessimistic_write' } });
      const offer = await this.reload(manager, id);
      const before = {
        unitName: offer.unitName,
        field: offer.field,
        places: offer.places,
        supervisorIds: (offer.supervisors ?? []).map((s) => s.id).sort(),
      };
      if ((dto.unitName ?? offer.unitName) !== offer.unitName || (dto.field ?? offer.field) !== offer.field) {
        await this.assertUnique(
          manager,
          offer.termId,
          offer.districtId,
          dto.unitName ?? offer.unitName,
          dto.field ?? offer.field,
        );
      }
      if (dto.supervisorIds) offer.supervisors = await this.supervisorsOf(manager, offer.districtId, dto.supervisorIds);
      offer.unitName = dto.unitName ?? offer.unitName;
      offer.field = dto.field ?? offer.field;
      offer.places = dto.places ?? offer.places;
      await manager.save(PlacementOffer, offer);
      await this.coverage.assertCovered(manager, offer.districtId, [offer.termId]);
      await this.coverage.assertPlacementsFit(manager, { offerIds: [id] });
      const after = {
        unitName: offer.unitName,
        field: offer.field,
        places: offer.places,
        supervisorIds: (offer.supervisors ?? []).map((s) => s.id).sort(),
      };
      const changes = diffFields(before, after);
      if (Object.keys(changes).length)
        await this.audit.record(manager, actor, {
          action: 'offer.updated',
          entityType: 'offer',
          entityId: id,
          changes,
        });
      return this.reload(manager, id);
    });
  }

  async remove(actor: Actor, id: string): Promise<void> {
    const existing = await this.get(actor, id);
    await this.dataSource.transaction(async (manager) => {
      this.assertOpen(actor, await termById(manager, existing.termId));
      await this.coverage.lockDistrict(manager, existing.districtId);
      await manager.findOne(PlacementOffer, { where: { id }, lock: { mode: 'pessimistic_write' } });
      const placed = await countPlacedAtOffer(manager, id);
      if (placed) throw AppError.of(OffersErrors.offer_has_placements, { unitName: existing.unitName, placed });
      await manager.delete(PlacementOffer, { id });
      await this.audit.record(manager, actor, {
        action: 'offer.deleted',
        entityType: 'offer',
        entityId: id,
        changes: {
          deleted: {
            from: {
              termId: existing.termId,
              districtId: existing.districtId,
              unitName: existing.unitName,
              field: existing.field,
              places: existing.places,
            },
          },
        },
      });
    });
  }

  /** Contacts write only while the term takes reports and its deadline has not passed; the coordinator always. */
  private assertOpen(actor: Actor, term: Term): void {
    if (actor.role === Role.Coordinator) return;
    const closed = reportingClosed(term, this.clock.now());
    if (closed) {
      throw AppError.of(OffersErrors.reporting_closed, {
        termCode: term.code,
        reason: closed,
        deadline: term.reportingDeadline,
        status: term.status,
      });
    }
  }

  /** The named supervisors, all of this district and active; 400 naming supervisorIds otherwise. */
  private async supervisorsOf(manager: EntityManager, districtId: string, ids: string[]): Promise<Supervisor[]> {
    const found = await supervisorsByIds(manager, ids);
    const problems: FieldProblem[] = [];
    for (const id of ids) {
      const supervisor = found.find((s) => s.id === id);
      if (!supervisor) problems.push(problem(OffersErrors.unknown_supervisor, 'supervisorIds', { id }));
      else if (supervisor.districtId !== districtId)
        problems.push(
          problem(OffersErrors.supervisor_of_other_district, 'supervisorIds', { supervisorName: supervisor.name }),
        );
      else if (!supervisor.active)
        problems.push(problem(OffersErrors.supervisor_inactive, 'supervisorIds', { supervisorName: supervisor.name }));
    }
    if (problems.length) throw AppError.invalid(problems);
    return found;
  }

  private async assertUnique(
    manager: EntityManager,
    termId: string,
    districtId: string,
    unitName: string,
    field: string,
  ): Promise<void> {
    if (
      await manager.existsBy(PlacementOffer, { termId, districtId, unitName, field: field as PlacementOffer['field'] })
    ) {
      throw AppError.of(OffersErrors.duplicate_offer, { unitName, field });
    }
  }

  private reload(manager: EntityManager, id: string): Promise<PlacementOffer> {
    return manager.findOneOrFail(PlacementOffer, { where: { id }, relations: { supervisors: true } });
  }
}
