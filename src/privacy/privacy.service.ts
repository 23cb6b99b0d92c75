import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, EntityManager, In, IsNull, LessThan, Not } from 'typeorm';
import { Assignment } from '../assignments/entities/assignment.entity';
import { AuditService } from '../audit/audit.service';
import { AuditEntry } from '../audit/entities/audit-entry.entity';
import { Actor } from '../common/auth/role';
import { AppError } from '../common/errors/app-error';
import { Clock } from '../common/time/clock';
import { AppConfig } from '../config/app-config';
import { District } from '../districts/entities/district.entity';
import { EventInvitee } from '../events/entities/event-invitee.entity';
import { Notification, NotificationStatus } from '../notifications/entities/notification.entity';
import { PlacementOffer } from '../offers/entities/placement-offer.entity';
import { StudentRequest, StudentRequestStatus } from '../student-requests/entities/student-request.entity';
import { Student } from '../students/entities/student.entity';
import { Supervisor } from '../supervisors/entities/supervisor.entity';
import { Term } from '../terms/entities/term.entity';
import { TermStatus } from '../terms/term-status';
import { User } from '../users/entities/user.entity';

/** What removed personal data is replaced with; ids stay, so history and figures still add up. */
export const REMOVED_NAME = 'Borttagen';
const removedEmail = (id: string) => `borttagen-${id}@borttagen.invalid`;

export interface ErasureResult {
  erased: { kind: string; id: string }[];
  retained: { kind: string; id: string; reason: string }[];
}

export enum PrivacyErrorCode {
  Self = 'erase_self',
}

/**
 * The service's duties as holder of personal data (GDPR): removing students' data a set time after
 * their term is closed, showing the coordinator everything held on a person, and erasing a person
 * where no retention duty applies. Removal anonymises: rows keep their ids, so placements, reports
 * and the audit log (which holds ids only) stay whole.
 */
@Injectable()
export class PrivacyService {
  private readonly logger = new Logger(PrivacyService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  /** The daily job: terms closed longer than the retention lose their students' personal data. */
  async purgeExpired(at: Date = this.clock.now()): Promise<{ terms: string[]; students: number; notifications: number; requests: number }> {
    const before = DateTime.fromJSDate(at).minus({ months: this.config.env.STUDENT_RETENTION_MONTHS }).toJSDate();
    const terms = await this.dataSource.manager.find(Term, {
      where: { status: TermStatus.Closed, closedAt: LessThan(before), personalDataPurgedAt: IsNull() },
    });
    let students = 0;
    for (const term of terms) {
      await this.dataSource.transaction(async (manager) => {
        const rows = await manager.findBy(Student, { termId: term.id });
        for (const student of rows) await this.anonymiseStudent(manager, student);
        await manager.update(Term, { id: term.id }, { personalDataPurgedAt: at });
        await this.audit.record(manager, null, {
          action: 'term.personal_data_removed',
          entityType: 'term',
          entityId: term.id,
          changes: { students: { to: rows.length }, retentionMonths: { to: this.config.env.STUDENT_RETENTION_MONTHS } },
        });
        students += rows.length;
      });
    }
    const requests = await this.dataSource.manager
      .createQueryBuilder()
      .update(StudentRequest)
      .set({ studentName: REMOVED_NAME, studentEmail: () => `'borttagen-' || id || '@borttagen.invalid'`, message: REMOVED_NAME, answer: null })
      .where('status IN (:...done) AND forwarded_at < :before AND student_name <> :removed', { done: [StudentRequestStatus.Answered, StudentRequestStatus.Closed], before, removed: REMOVED_NAME })
      .execute();
    const notifications = await this.dataSource.manager.delete(Notification, {
      status: In([NotificationStatus.Sent, NotificationStatus.Failed]),
      updatedAt: LessThan(new Date(at.getTime() - this.config.env.NOTIFICATION_RETENTION_DAYS * 86_400_000)),
    });
    const result = { terms: terms.map((t) => t.code), students, notifications: notifications.affected ?? 0, requests: requests.affected ?? 0 };
    if (students || result.notifications || result.requests) this.logger.log(`Personal data removed: ${JSON.stringify(result)}`);
    return result;
  }

  /** Everything the service holds on a person, by e-mail address (a register extract); the look-up is audited. */
  async exportPerson(actor: Actor, email: string): Promise<Record<string, unknown>> {
    await this.dataSource.transaction((manager) => this.audit.record(manager, actor, { action: 'person.exported', entityType: 'person', entityId: actor.id }));
    const m = this.dataSource.manager;
    const users = await m.findBy(User, { email });
    const supervisors = await m.findBy(Supervisor, { email });
    const students = await m.findBy(Student, { email });
    const ids = [...users, ...supervisors, ...students].map((r) => r.id);
    return {
      email,
      exportedAt: this.clock.now(),
      users: users.map(({ id, email, name, role, districtId, universityId, active, createdAt }) => ({ id, email, name, role, districtId, universityId, active, createdAt })),
      supervisors,
      students,
      placements: students.length ? await m.findBy(Assignment, { studentId: In(students.map((s) => s.id)) }) : [],
      studentRequests: await m.findBy(StudentRequest, { studentEmail: email }),
      eventInvitations: await m.findBy(EventInvitee, { email }),
      notifications: (await m.findBy(Notification, { recipientEmail: email })).map(({ id, template, status, data, createdAt, sentAt }) => ({ id, template, status, data, createdAt, sentAt })),
      auditEntries: ids.length ? await this.auditEntriesOf(ids, users.map((u) => u.id)) : [],
    };
  }

  /** Entries about the person's records, and what the person did as a user. */
  private auditEntriesOf(entityIds: string[], actorIds: string[]): Promise<AuditEntry[]> {
    const query = this.dataSource.manager.createQueryBuilder(AuditEntry, 'a').where('a.entity_id IN (:...entityIds)', { entityIds });
    if (actorIds.length) query.orWhere('a.actor_id IN (:...actorIds)', { actorIds });
    return query.orderBy('a.id', 'DESC').getMany();
  }

  /**
   * Erases a person's data where no duty to keep it applies: a student whose term is still open,
   * or a supervisor named on the offers of an open term, is kept, and the answer says why.
   */
  async erasePerson(actor: Actor, email: string): Promise<ErasureResult> {
    return this.dataSource.transaction(async (manager) => {
      const result: ErasureResult = { erased: [], retained: [] };
      for (const user of await manager.findBy(User, { email })) {
        if (user.id === actor.id) throw AppError.conflict(PrivacyErrorCode.Self, 'You cannot erase your own account');
        await manager.update(District, { contactUserId: user.id }, { contactUserId: null });
        await manager.update(User, { id: user.id }, { name: REMOVED_NAME, email: removedEmail(user.id), active: false, tokenVersion: user.tokenVersion + 1 });
        result.erased.push({ kind: 'user', id: user.id });
      }
      for (const supervisor of await manager.findBy(Supervisor, { email })) {
        const open = await manager
          .createQueryBuilder(PlacementOffer, 'o')
          .innerJoin('offer_supervisors', 'os', 'os.offer_id = o.id AND os.supervisor_id = :id', { id: supervisor.id })
          .innerJoin(Term, 't', 't.id = o.term_id AND t.status <> :closed', { closed: TermStatus.Closed })
          .getCount();
        if (open) {
          result.retained.push({ kind: 'supervisor', id: supervisor.id, reason: 'named on offers of a term that is not closed' });
          continue;
        }
        await manager.update(Supervisor, { id: supervisor.id }, { name: REMOVED_NAME, email: removedEmail(supervisor.id), active: false });
        result.erased.push({ kind: 'supervisor', id: supervisor.id });
      }
      for (const student of await manager.findBy(Student, { email })) {
        const term = await manager.findOneByOrFail(Term, { id: student.termId });
        if (term.status !== TermStatus.Closed) {
          result.retained.push({ kind: 'student', id: student.id, reason: `registered for ${term.code}, which is not closed` });
          continue;
        }
        await this.anonymiseStudent(manager, student);
        result.erased.push({ kind: 'student', id: student.id });
      }
      const retainedIds = new Set(result.retained.map((r) => r.id));
      if (!result.retained.length) {
        for (const request of await manager.findBy(StudentRequest, { studentEmail: email })) {
          await manager.update(StudentRequest, { id: request.id }, { studentName: REMOVED_NAME, studentEmail: removedEmail(request.id), message: REMOVED_NAME, answer: null });
          result.erased.push({ kind: 'student_request', id: request.id });
        }
        await manager.update(EventInvitee, { email }, { name: REMOVED_NAME, email: removedEmail('invitee') });
        const deleted = await manager.delete(Notification, { recipientEmail: email, status: Not(NotificationStatus.Sending) });
        if (deleted.affected) result.erased.push({ kind: 'notifications', id: String(deleted.affected) });
      }
      await this.audit.record(manager, actor, {
        action: 'person.erased',
        entityType: 'person',
        entityId: result.erased[0]?.id ?? result.retained[0]?.id ?? 'none',
        changes: { erased: { to: result.erased.map((e) => `${e.kind}:${e.id}`) }, retained: { to: [...retainedIds] } },
      });
      return result;
    });
  }

  private async anonymiseStudent(manager: EntityManager, student: Student): Promise<void> {
    const email = student.email;
    await manager.update(Student, { id: student.id }, {
      name: REMOVED_NAME,
      email: removedEmail(student.id),
      studentRef: `borttagen-${student.id.slice(0, 8)}`,
      languages: [],
      needsExtraSupport: false,
    });
    await manager.update(EventInvitee, { inviteeKey: `student-${student.id}` }, { name: REMOVED_NAME, email: removedEmail(student.id) });
    await manager.delete(Notification, { recipientEmail: email, status: Not(NotificationStatus.Sending) });
  }
}
