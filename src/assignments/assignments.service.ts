import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { preferenceCost } from '../allocation/preference-cost';
import { BalanceService } from '../balance/balance.service';
import { Actor, Role, scopeOf } from '../common/auth/role';
import { AppError } from '../common/errors/app-error';
import { problem } from '../common/errors/error-spec';
import type { PageQueryDto } from '../common/http/page-query.dto';
import { Paged, PageWindow, pageWindow, rawPage } from '../common/http/paging';
import { ReadCache } from '../database/read-cache';
import type { PlacementOffer } from '../offers/entities/placement-offer.entity';
import { offerInTermWithSupervisors } from '../offers/offers.queries';
import { effectiveCapacity, usablePlaces } from '../offers/supervisor-coverage';
import type { Student } from '../students/entities/student.entity';
import { studentInTerm } from '../students/students.queries';
import type { Supervisor } from '../supervisors/entities/supervisor.entity';
import type { Term } from '../terms/entities/term.entity';
import { TermStatus } from '../terms/term-status';
import { termById } from '../terms/terms.queries';
import { TermsService } from '../terms/terms.service';
import { universityById } from '../universities/universities.queries';
import { AssignmentStatus } from './assignment-status';
import { assignmentsCsv } from './assignments-csv';
import { AssignmentsErrors } from './assignments.errors';
import { AssignmentResponse, CreateAssignmentDto } from './dto/assignment.dto';
import { Assignment } from './entities/assignment.entity';

/** Placements are made while the term is allocating, and adjusted after publication. */
export const PLACING: readonly TermStatus[] = [TermStatus.Allocating, TermStatus.Published];

@Injectable()
export class AssignmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly terms: TermsService,
    private readonly balance: BalanceService,
    private readonly audit: AuditService,
    private readonly cache: ReadCache,
  ) {}

  /** Scoped: a district contact sees its own district's, a university coordinator its own students'. */
  list(actor: Actor, code: string, page: PageQueryDto = {}): Promise<Paged<AssignmentResponse>> {
    const window = pageWindow(page);
    return this.cache.get(`assignments:${code}:${scopeOf(actor)}:${window.take}:${window.skip}`, () =>
      this.listOf(actor, code, window),
    );
  }

  /**
   * Every row `list` gives the caller, as CSV in UTF-8: written and encoded once per change of the
   * data (encoding the text took a sixth of a download's CPU).
   */
  csv(actor: Actor, code: string): Promise<Buffer> {
    return this.cache.get(`assignments.csv:${code}:${scopeOf(actor)}`, async () =>
      Buffer.from(assignmentsCsv((await this.list(actor, code)).rows)),
    );
  }

  private async listOf(actor: Actor, code: string, window: PageWindow): Promise<Paged<AssignmentResponse>> {
    const term = await this.terms.findByCode(code);
    const query = this.dataSource.manager
      .createQueryBuilder(Assignment, 'a')
      // Other features' tables, joined by name: still one query.
      .innerJoin('students', 's', 's.id = a.student_id')
      .innerJoin('placement_offers', 'o', 'o.id = a.offer_id')
      .innerJoin('supervisors', 'h', 'h.id = a.supervisor_id')
      .where('a.term_id = :termId', { termId: term.id })
      .select([
        'a.id AS id',
        'a.student_id AS "studentId"',
        's.name AS "studentName"',
        'a.university_id AS "universityId"',
        'a.offer_id AS "offerId"',
        'o.district_id AS "districtId"',
        'o.unit_name AS "unitName"',
        'o.field AS field',
        'a.supervisor_id AS "supervisorId"',
        'h.name AS "supervisorName"',
        'h.email AS "supervisorEmail"',
        'a.status AS status',
        'a.cost AS cost',
      ])
      .orderBy('o.unit_name')
      .addOrderBy('s.name')
      .addOrderBy('a.id');
    if (actor.role === Role.DistrictContact)
      query.andWhere('o.district_id = :districtId', { districtId: actor.districtId });
    if (actor.role === Role.UniversityCoordinator)
      query.andWhere('a.university_id = :universityId', { universityId: actor.universityId });
    return rawPage<AssignmentResponse>(query, window);
  }

  /** A placement by hand, with every capacity rule checked under the term's lock (409 when full). */
  async assign(actor: Actor, code: string, dto: CreateAssignmentDto): Promise<AssignmentResponse> {
    return this.dataSource.transaction(async (manager) => {
      const term = await this.lockForPlacing(manager, code);
      const student = await studentInTerm(manager, dto.studentId, term.id);
      if (!student)
        throw AppError.invalid([problem(AssignmentsErrors.no_such_student, 'studentId', { termCode: term.code })]);
      const offer = await offerInTermWithSupervisors(manager, dto.offerId, term.id);
      if (!offer)
        throw AppError.invalid([problem(AssignmentsErrors.no_such_offer, 'offerId', { termCode: term.code })]);
      const supervisor = offer.supervisors?.find((s) => s.id === dto.supervisorId);
      if (!supervisor)
        throw AppError.invalid([
          problem(AssignmentsErrors.supervisor_not_on_offer, 'supervisorId', { unitName: offer.unitName }),
        ]);
      if (student.excludedDistrictIds.includes(offer.districtId)) {
        throw AppError.invalid([
          problem(AssignmentsErrors.district_excluded, 'offerId', {
            studentName: student.name,
            unitName: offer.unitName,
          }),
        ]);
      }
      await this.assertRoom(manager, term, student, offer, supervisor);
      const assignment = manager.create(Assignment, {
        termId: term.id,
        studentId: student.id,
        universityId: student.universityId,
        offerId: offer.id,
        supervisorId: supervisor.id,
        status: AssignmentStatus.Draft,
        cost: preferenceCost(student, offer.field, offer.districtId),
        createdBy: actor.id,
      });
      await manager.insert(Assignment, assignment);
      await this.audit.record(manager, actor, {
        action: 'assignment.created',
        entityType: 'assignment',
        entityId: assignment.id,
        changes: { studentId: { to: student.id }, offerId: { to: offer.id }, supervisorId: { to: supervisor.id } },
      });
      // The row as the list shows it, from what is loaded already (same fields, same order).
      return {
        id: assignment.id,
        studentId: student.id,
        studentName: student.name,
        universityId: assignment.universityId,
        offerId: offer.id,
        districtId: offer.districtId,
        unitName: offer.unitName,
        field: offer.field,
        supervisorId: supervisor.id,
        supervisorName: supervisor.name,
        supervisorEmail: supervisor.email,
        status: assignment.status,
        cost: assignment.cost,
      };
    });
  }

  async unassign(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const assignment = await manager.findOneBy(Assignment, { id });
      if (!assignment) throw AppError.notFound('assignment');
      const term = await termById(manager, assignment.termId);
      await this.lockForPlacing(manager, term.code);
      await manager.delete(Assignment, { id });
      await this.audit.record(manager, actor, {
        action: 'assignment.deleted',
        entityType: 'assignment',
        entityId: id,
        changes: {
          studentId: { from: assignment.studentId },
          offerId: { from: assignment.offerId },
          status: { from: assignment.status },
        },
      });
    });
  }

  /** Locks the term row: every placement of a term is written one at a time, so counts hold. */
  async lockForPlacing(manager: EntityManager, code: string): Promise<Term> {
    const term = await this.terms.findByCode(code, manager, true);
    if (!PLACING.includes(term.status)) {
      throw AppError.of(AssignmentsErrors.term_not_allocating, { termCode: term.code, status: term.status });
    }
    return term;
  }

  private async assertRoom(
    manager: EntityManager,
    term: Term,
    student: Student,
    offer: PlacementOffer,
    supervisor: Supervisor,
  ): Promise<void> {
    if (await manager.existsBy(Assignment, { studentId: student.id })) {
      throw AppError.of(AssignmentsErrors.student_already_placed, { studentName: student.name });
    }
    const usable = usablePlaces(offer.places, (offer.supervisors ?? []).map(effectiveCapacity));
    if ((await manager.countBy(Assignment, { offerId: offer.id })) >= usable) {
      throw AppError.of(AssignmentsErrors.offer_full, { unitName: offer.unitName, usable });
    }
    if (
      (await manager.countBy(Assignment, { supervisorId: supervisor.id, termId: term.id })) >=
      effectiveCapacity(supervisor)
    ) {
      throw AppError.of(AssignmentsErrors.supervisor_full, {
        supervisorName: supervisor.name,
        capacity: effectiveCapacity(supervisor),
      });
    }
    const quota = await this.balance.quotaOf(manager, term, student.universityId);
    if ((await manager.countBy(Assignment, { termId: term.id, universityId: student.universityId })) >= quota) {
      // The name only for the refusal: a person reads whose quota it is.
      const universityName = (await universityById(manager, student.universityId))?.name ?? '';
      throw AppError.of(AssignmentsErrors.quota_full, { universityName, quota, termCode: term.code });
    }
  }
}
