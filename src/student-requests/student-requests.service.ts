import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { assertDistrictScope } from '../common/auth/access-policy';
import { Actor, Role } from '../common/auth/role';
import { AppError } from '../common/errors/app-error';
import { CommonErrors } from '../common/errors/common.errors';
import { problem } from '../common/errors/error-spec';
import { Paged, pageWindow } from '../common/http/paging';
import { Clock } from '../common/time/clock';
import { stockholmDate, swedishDate } from '../common/time/stockholm';
import { districtById } from '../districts/districts.queries';
import { OutboxService } from '../notifications/outbox.service';
import { universityById } from '../universities/universities.queries';
import { activeUsersWithRole } from '../users/users.queries';
import { CreateStudentRequestDto, StudentRequestQueryDto, UpdateStudentRequestDto } from './dto/student-request.dto';
import { StudentRequest } from './entities/student-request.entity';
import { StudentRequestStatus } from './student-request-status';
import { StudentRequestsErrors } from './student-requests.errors';

/** A request is overdue when no university has answered it this many days after forwarding. */
export const ANSWER_WITHIN_DAYS = 14;

@Injectable()
export class StudentRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  isOverdue(request: StudentRequest): boolean {
    return (
      request.status === StudentRequestStatus.Forwarded &&
      request.forwardedAt.getTime() < this.overdueBefore().getTime()
    );
  }

  /**
   * The coordinator sees all; a contact their district's; a university coordinator those
   * forwarded to their university (their students' and those sent to all universities).
   */
  async list(actor: Actor, query: StudentRequestQueryDto): Promise<Paged<StudentRequest>> {
    const window = pageWindow(query);
    const q = this.dataSource.manager
      .createQueryBuilder(StudentRequest, 'r')
      .orderBy('r.forwarded_at', 'DESC')
      .addOrderBy('r.id')
      .take(window.take)
      .skip(window.skip);
    if (actor.role === Role.DistrictContact)
      q.andWhere('r.district_id = :districtId', { districtId: actor.districtId });
    if (actor.role === Role.UniversityCoordinator) {
      q.andWhere(
        new Brackets((w) =>
          w
            .where('r.university_id = :universityId', { universityId: actor.universityId })
            .orWhere('r.university_id IS NULL'),
        ),
      );
    }
    if (query.status) q.andWhere('r.status = :status', { status: query.status });
    if (query.overdue === 'true') {
      q.andWhere('r.status = :forwarded AND r.forwarded_at < :before', {
        forwarded: StudentRequestStatus.Forwarded,
        before: this.overdueBefore(),
      });
    }
    const [rows, total] = await q.getManyAndCount();
    return { rows, total };
  }

  /** Logs the request and forwards it by e-mail to the university coordinators it concerns. */
  async create(actor: Actor, dto: CreateStudentRequestDto): Promise<StudentRequest> {
    const districtId = actor.role === Role.DistrictContact ? (dto.districtId ?? actor.districtId!) : dto.districtId;
    if (!districtId)
      throw AppError.invalid([problem(StudentRequestsErrors.request_district_required, 'districtId', {})]);
    assertDistrictScope(actor, districtId);
    return this.outbox.transaction(async (manager, send) => {
      const district = await districtById(manager, districtId);
      if (!district) throw AppError.invalid([problem(CommonErrors.no_such_district, 'districtId', {})]);
      const university = dto.universityId ? await universityById(manager, dto.universityId) : null;
      if (dto.universityId && !university)
        throw AppError.invalid([problem(CommonErrors.no_such_university, 'universityId', {})]);
      const request = manager.create(StudentRequest, {
        districtId,
        createdBy: actor.id,
        studentName: dto.studentName,
        studentEmail: dto.studentEmail,
        universityId: university?.id ?? null,
        otherUniversity: dto.otherUniversity ?? null,
        message: dto.message,
        receivedOn: dto.receivedOn ?? stockholmDate(this.clock.now()),
      });
      await manager.insert(StudentRequest, request);
      const recipients = await activeUsersWithRole(manager, Role.UniversityCoordinator, university?.id);
      for (const recipient of recipients) {
        await send({
          to: recipient.email,
          recipientUserId: recipient.id,
          template: 'student-request',
          idempotencyKey: `student-request-${request.id}-${recipient.id}`,
          data: {
            name: recipient.name,
            districtName: district.name,
            studentName: request.studentName,
            studentEmail: request.studentEmail,
            studentUniversity: university?.name ?? request.otherUniversity ?? 'inte angivet',
            message: request.message,
            receivedOn: swedishDate(request.receivedOn),
          },
        });
      }
      await this.audit.record(manager, actor, {
        action: 'student_request.forwarded',
        entityType: 'student_request',
        entityId: request.id,
        changes: {
          districtId: { to: districtId },
          universityId: { to: request.universityId },
          recipients: { to: recipients.length },
        },
      });
      return manager.findOneByOrFail(StudentRequest, { id: request.id });
    });
  }

  /** A university marks a request answered; the coordinator may also close it. */
  async update(actor: Actor, id: string, dto: UpdateStudentRequestDto): Promise<StudentRequest> {
    return this.dataSource.transaction(async (manager) => {
      const request = await manager.findOne(StudentRequest, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!request) throw AppError.notFound('student_request');
      this.assertCanAnswer(actor, request, dto.status);
      if (
        request.status !== StudentRequestStatus.Forwarded &&
        !(request.status === StudentRequestStatus.Answered && dto.status === StudentRequestStatus.Closed)
      ) {
        throw AppError.of(StudentRequestsErrors.student_request_done, {
          status: request.status,
          studentName: request.studentName,
        });
      }
      const now = this.clock.now();
      const patch: Partial<StudentRequest> =
        dto.status === StudentRequestStatus.Answered
          ? { status: dto.status, answeredAt: now, answeredBy: actor.id, answer: dto.answer ?? null }
          : { status: dto.status, closedAt: now, ...(dto.answer ? { answer: dto.answer } : {}) };
      await this.audit.update(manager, actor, StudentRequest, 'student_request', request, patch, ['answer']);
      return manager.findOneByOrFail(StudentRequest, { id });
    });
  }

  private assertCanAnswer(actor: Actor, request: StudentRequest, status: StudentRequestStatus): void {
    if (actor.role === Role.Coordinator) return;
    if (
      actor.role === Role.UniversityCoordinator &&
      status === StudentRequestStatus.Answered &&
      (request.universityId === null || request.universityId === actor.universityId)
    )
      return;
    throw actor.role === Role.UniversityCoordinator
      ? AppError.of(StudentRequestsErrors.request_not_forwarded_to_you, {
          studentName: request.studentName,
          forwardedHere: request.universityId === null || request.universityId === actor.universityId,
        })
      : AppError.of(StudentRequestsErrors.request_answered_by_universities);
  }

  private overdueBefore(): Date {
    return new Date(this.clock.now().getTime() - ANSWER_WITHIN_DAYS * 24 * 3600 * 1000);
  }
}
