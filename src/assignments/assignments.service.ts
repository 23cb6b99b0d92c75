import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { preferenceCost } from '../allocation/preference-cost';
import { BalanceService } from '../balance/balance.service';
import { Actor, Role } from '../common/auth/role';
import { AppError } from '../common/errors/app-error';
import { PlacementOffer } from '../offers/entities/placement-offer.entity';
import { effectiveCapacity, usablePlaces } from '../offers/supervisor-coverage';
import { Student } from '../students/entities/student.entity';
import { Supervisor } from '../supervisors/entities/supervisor.entity';
import { Term } from '../terms/entities/term.entity';
import { TermStatus } from '../terms/term-status';
import { TermsService } from '../terms/terms.service';
import { AssignmentResponse, CreateAssignmentDto } from './dto/assignment.dto';
import { Assignment } from './entities/assignment.entity';

export enum AssignmentsErrorCode {
  NotAllocating = 'term_not_allocating',
  StudentPlaced = 'student_already_placed',
  OfferFull = 'offer_full',
  SupervisorFull = 'supervisor_full',
  QuotaFull = 'quota_full',
}

/** Placements are made while the term is allocating, and adjusted after publication. */
export const PLACING: readonly TermStatus[] = [TermStatus.Allocating, TermStatus.Published];

@Injectable()
export class AssignmentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly terms: TermsService,
    private readonly balance: BalanceService,
    private readonly audit: AuditService,
  ) {}

  /** Scoped: a district contact sees its own district's, a university coordinator its own students'. */
  async list(actor: Actor, code: string): Promise<AssignmentResponse[]> {
    const term = await this.terms.findByCode(code);
    const query = this.dataSource.manager
      .createQueryBuilder(Assignment, 'a')
      .innerJoin(Student, 's', 's.id = a.student_id')
      .innerJoin(PlacementOffer, 'o', 'o.id = a.offer_id')
      .innerJoin(Supervisor, 'h', 'h.id = a.supervisor_id')
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
      .addOrderBy('s.name');
    if (actor.role === Role.DistrictContact) query.andWhere('o.district_id = :districtId', { districtId: actor.districtId });
    if (actor.role === Role.UniversityCoordinator) query.andWhere('a.university_id = :universityId', { universityId: actor.universityId });
    return query.getRawMany<AssignmentResponse>();
  }

  /** A placement by hand, with every capacity rule checked under the term's lock (409 when full). */
  async assign(actor: Actor, code: string, dto: CreateAssignmentDto): Promise<AssignmentResponse> {
    const id = await this.dataSource.transaction(async (manager) => {
      const term = await this.lockForPlacing(manager, code);
      const student = await manager.findOneBy(Student, { id: dto.studentId, termId: term.id });
      if (!student) throw AppError.invalidField('studentId', `no such student in ${term.code}`);
      const offer = await manager.findOne(PlacementOffer, { where: { id: dto.offerId, termId: term.id }, relations: { supervisors: true } });
      if (!offer) throw AppError.invalidField('offerId', `no such offer in ${term.code}`);
      const supervisor = offer.supervisors?.find((s) => s.id === dto.supervisorId);
      if (!supervisor) throw AppError.invalidField('supervisorId', 'is not one of the supervisors named on the offer');
      if (student.excludedDistrictIds.includes(offer.districtId)) {
        throw AppError.invalidField('offerId', 'is in a district the student may not be placed in');
      }
      await this.assertRoom(manager, term, student, offer, supervisor);
      const assignment = manager.create(Assignment, {
        termId: term.id,
        studentId: student.id,
        universityId: student.universityId,
        offerId: offer.id,
        supervisorId: supervisor.id,
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
      return assignment.id;
    });
    return (await this.list(actor, code)).find((a) => a.id === id)!;
  }

  async unassign(actor: Actor, id: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const assignment = await manager.findOneBy(Assignment, { id });
      if (!assignment) throw AppError.notFound('Assignment');
      const term = await manager.findOneByOrFail(Term, { id: assignment.termId });
      await this.lockForPlacing(manager, term.code);
      await manager.delete(Assignment, { id });
      await this.audit.record(manager, actor, {
        action: 'assignment.deleted',
        entityType: 'assignment',
        entityId: id,
        changes: { studentId: { from: assignment.studentId }, offerId: { from: assignment.offerId }, status: { from: assignment.status } },
      });
    });
  }

  /** Locks the term row: every placement of a term is written one at a time, so counts hold. */
  async lockForPlacing(manager: EntityManager, code: string): Promise<Term> {
    const term = await this.terms.findByCode(code, manager, true);
    if (!PLACING.includes(term.status)) {
      throw AppError.conflict(AssignmentsErrorCode.NotAllocating, `Placements are made while a term is allocating or published; ${term.code} is ${term.status}`);
    }
    return term;
  }

  private async assertRoom(manager: EntityManager, term: Term, student: Student, offer: PlacementOffer, supervisor: Supervisor): Promise<void> {
    if (await manager.existsBy(Assignment, { studentId: student.id })) {
      throw AppError.conflict(AssignmentsErrorCode.StudentPlaced, 'The student is already placed; remove that placement first');
    }
    const usable = usablePlaces(offer.places, (offer.supervisors ?? []).map(effectiveCapacity));
    if ((await manager.countBy(Assignment, { offerId: offer.id })) >= usable) {
      throw AppError.conflict(AssignmentsErrorCode.OfferFull, `${offer.unitName} has no free place (${usable} usable)`);
    }
    if ((await manager.countBy(Assignment, { supervisorId: supervisor.id, termId: term.id })) >= effectiveCapacity(supervisor)) {
      throw AppError.conflict(AssignmentsErrorCode.SupervisorFull, `${supervisor.name} already supervises as many students as they can (${effectiveCapacity(supervisor)})`);
    }
    const quota = (await this.balance.of(manager, term)).universities.find((u) => u.universityId === student.universityId)?.quota ?? 0;
    if ((await manager.countBy(Assignment, { termId: term.id, universityId: student.universityId })) >= quota) {
      throw AppError.conflict(AssignmentsErrorCode.QuotaFull, `The university's quota of ${quota} place(s) in ${term.code} is filled`);
    }
  }
}
