import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { assignmentsOfStudents } from '../assignments/assignments.queries';
import { auditEntriesAbout } from '../audit/audit.queries';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../common/auth/role';
import { AppError } from '../common/errors/app-error';
import { Clock } from '../common/time/clock';
import { AppConfig } from '../config/app-config';
import { removeContact } from '../districts/districts.queries';
import { anonymiseInvitationsByEmail, anonymiseStudentInvitations, invitationsByEmail } from '../events/events.queries';
import { deleteNotificationsTo, deleteSettledBefore, notificationsTo } from '../notifications/notifications.queries';
import { countOpenOffersNaming } from '../offers/offers.queries';
import {
  anonymiseDoneRequestsForwardedBefore,
  anonymiseRequest,
  requestsWithStudentEmail,
} from '../student-requests/student-requests.queries';
import type { Student } from '../students/entities/student.entity';
import { anonymiseStudent, studentsOfTerm, studentsWithEmail } from '../students/students.queries';
import { anonymiseSupervisor, supervisorsWithEmail } from '../supervisors/supervisors.queries';
import { TermStatus } from '../terms/term-status';
import { markPersonalDataPurged, termById, termsDueForPurge } from '../terms/terms.queries';
import { anonymiseUser, usersWithEmail } from '../users/users.queries';
import { PrivacyErrors } from './privacy.errors';

export interface ErasureResult {
  erased: { kind: string; id: string }[];
  retained: { kind: string; id: string; reason: string }[];
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
  async purgeExpired(
    at: Date = this.clock.now(),
  ): Promise<{ terms: string[]; students: number; notifications: number; requests: number }> {
    const before = DateTime.fromJSDate(at).minus({ months: this.config.env.STUDENT_RETENTION_MONTHS }).toJSDate();
    const terms = await termsDueForPurge(this.dataSource.manager, before);
    let students = 0;
    for (const term of terms) {
      await this.dataSource.transaction(async (manager) => {
        const rows = await studentsOfTerm(manager, term.id);
        for (const student of rows) await this.removeStudentData(manager, student);
        await markPersonalDataPurged(manager, term.id, at);
        await this.audit.record(manager, null, {
          action: 'term.personal_data_removed',
          entityType: 'term',
          entityId: term.id,
          changes: { students: { to: rows.length }, retentionMonths: { to: this.config.env.STUDENT_RETENTION_MONTHS } },
        });
        students += rows.length;
      });
    }
    const requests = await anonymiseDoneRequestsForwardedBefore(this.dataSource.manager, before);
    const notifications = await deleteSettledBefore(
      this.dataSource.manager,
      new Date(at.getTime() - this.config.env.NOTIFICATION_RETENTION_DAYS * 86_400_000),
    );
    const result = { terms: terms.map((t) => t.code), students, notifications, requests };
    if (students || result.notifications || result.requests)
      this.logger.log(`Personal data removed: ${JSON.stringify(result)}`);
    return result;
  }

  /** Everything the service holds on a person, by e-mail address (a register extract); the look-up is audited. */
  async exportPerson(actor: Actor, email: string): Promise<Record<string, unknown>> {
    await this.dataSource.transaction((manager) =>
      this.audit.record(manager, actor, { action: 'person.exported', entityType: 'person', entityId: actor.id }),
    );
    const m = this.dataSource.manager;
    const users = await usersWithEmail(m, email);
    const supervisors = await supervisorsWithEmail(m, email);
    const students = await studentsWithEmail(m, email);
    const ids = [...users, ...supervisors, ...students].map((r) => r.id);
    return {
      email,
      exportedAt: this.clock.now(),
      users: users.map(({ id, email, name, role, districtId, universityId, active, createdAt }) => ({
        id,
        email,
        name,
        role,
        districtId,
        universityId,
        active,
        createdAt,
      })),
      supervisors,
      students,
      placements: students.length
        ? await assignmentsOfStudents(
            m,
            students.map((s) => s.id),
          )
        : [],
      studentRequests: await requestsWithStudentEmail(m, email),
      eventInvitations: await invitationsByEmail(m, email),
      notifications: (await notificationsTo(m, email)).map(({ id, template, status, data, createdAt, sentAt }) => ({
        id,
        template,
        status,
        data,
        createdAt,
        sentAt,
      })),
      // Entries about the person's records, and what the person did as a user.
      auditEntries: ids.length
        ? await auditEntriesAbout(
            m,
            ids,
            users.map((u) => u.id),
          )
        : [],
    };
  }

  /**
   * Erases a person's data where no duty to keep it applies: a student whose term is still open,
   * or a supervisor named on the offers of an open term, is kept, and the answer says why.
   */
  async erasePerson(actor: Actor, email: string): Promise<ErasureResult> {
    return this.dataSource.transaction(async (manager) => {
      const result: ErasureResult = { erased: [], retained: [] };
      for (const user of await usersWithEmail(manager, email)) {
        if (user.id === actor.id) throw AppError.of(PrivacyErrors.erase_self);
        await removeContact(manager, user.id);
        await anonymiseUser(manager, user);
        result.erased.push({ kind: 'user', id: user.id });
      }
      for (const supervisor of await supervisorsWithEmail(manager, email)) {
        if (await countOpenOffersNaming(manager, supervisor.id)) {
          result.retained.push({
            kind: 'supervisor',
            id: supervisor.id,
            reason: 'named on offers of a term that is not closed',
          });
          continue;
        }
        await anonymiseSupervisor(manager, supervisor.id);
        result.erased.push({ kind: 'supervisor', id: supervisor.id });
      }
      for (const student of await studentsWithEmail(manager, email)) {
        const term = await termById(manager, student.termId);
        if (term.status !== TermStatus.Closed) {
          result.retained.push({
            kind: 'student',
            id: student.id,
            reason: `registered for ${term.code}, which is not closed`,
          });
          continue;
        }
        await this.removeStudentData(manager, student);
        result.erased.push({ kind: 'student', id: student.id });
      }
      const retainedIds = new Set(result.retained.map((r) => r.id));
      if (!result.retained.length) {
        for (const request of await requestsWithStudentEmail(manager, email)) {
          await anonymiseRequest(manager, request.id);
          result.erased.push({ kind: 'student_request', id: request.id });
        }
        await anonymiseInvitationsByEmail(manager, email);
        const deleted = await deleteNotificationsTo(manager, email);
        if (deleted) result.erased.push({ kind: 'notifications', id: String(deleted) });
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

  private async removeStudentData(manager: EntityManager, student: Student): Promise<void> {
    const email = student.email;
    await anonymiseStudent(manager, student.id);
    await anonymiseStudentInvitations(manager, student.id);
    await deleteNotificationsTo(manager, email);
  }
}
