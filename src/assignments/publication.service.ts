import { Injectable } from '@nestjs/common';
import { EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor, Role } from '../common/auth/role';
import { AppError } from '../common/errors/app-error';
import { districtsByIds } from '../districts/districts.queries';
import type { District } from '../districts/entities/district.entity';
import { FIELDS } from '../fields/fields';
import { JobQueueService } from '../jobs/job-queue.service';
import { JobName } from '../jobs/job-types';
import { OutboxService, SendMail } from '../notifications/outbox.service';
import type { PlacementOffer } from '../offers/entities/placement-offer.entity';
import { offersByIds } from '../offers/offers.queries';
import type { Student } from '../students/entities/student.entity';
import { studentsByIds } from '../students/students.queries';
import type { Supervisor } from '../supervisors/entities/supervisor.entity';
import { supervisorsByIds } from '../supervisors/supervisors.queries';
import type { Term } from '../terms/entities/term.entity';
import { TermStatus } from '../terms/term-status';
import { markTermPublished, periodsOfTerm } from '../terms/terms.queries';
import type { University } from '../universities/entities/university.entity';
import { universitiesByIds } from '../universities/universities.queries';
import { activeUserById, activeUsersWithRole } from '../users/users.queries';
import { AssignmentStatus } from './assignment-status';
import { AssignmentsErrors } from './assignments.errors';
import { AssignmentsService } from './assignments.service';
import { PublishResponse } from './dto/assignment.dto';
import { Assignment } from './entities/assignment.entity';

const FIELD_SV = new Map(FIELDS.map((f) => [f.code as string, f.nameSv]));

interface Row {
  assignment: Assignment;
  student: Student;
  offer: PlacementOffer;
  supervisor: Supervisor;
  district: District;
  university: University;
}

/**
 * Makes the draft placements final, moves the term to `published`, and tells everyone through
 * the outbox: each district contact their district's list, each university coordinator their
 * students', each supervisor their student(s). A later publication (after changes) e-mails only
 * those its new placements concern, with their full current list.
 */
@Injectable()
export class PublicationService {
  constructor(
    private readonly outbox: OutboxService,
    private readonly assignments: AssignmentsService,
    private readonly audit: AuditService,
    private readonly jobs: JobQueueService,
  ) {}

  async publish(actor: Actor, code: string): Promise<PublishResponse> {
    let queued = 0;
    const result = await this.outbox.transaction(async (manager, send) => {
      const term = await this.assignments.lockForPlacing(manager, code);
      const drafts = await manager.findBy(Assignment, { termId: term.id, status: AssignmentStatus.Draft });
      if (!drafts.length) throw AppError.of(AssignmentsErrors.nothing_to_publish, { termCode: term.code });
      const { round } = await manager
        .createQueryBuilder(Assignment, 'a')
        .select('COALESCE(MAX(a.publication_round), 0) + 1', 'round')
        .where('a.term_id = :id', { id: term.id })
        .getRawOne<{ round: number }>()
        .then((r) => ({ round: Number(r!.round) }));
      await manager.update(
        Assignment,
        { id: In(drafts.map((d) => d.id)) },
        { status: AssignmentStatus.Published, publicationRound: round, publishedAt: () => 'now()' },
      );
      if (term.status === TermStatus.Allocating) {
        await markTermPublished(manager, this.audit, actor, term);
      }
      await this.audit.record(manager, actor, {
        action: 'assignments.published',
        entityType: 'term',
        entityId: term.id,
        changes: { round: { to: round }, published: { to: drafts.length } },
      });
      const mail: SendMail = async (input) => {
        const written = await send(input);
        if (written) queued++;
        return written;
      };
      await this.notify(manager, mail, term, round, new Set(drafts.map((d) => d.id)));
      return { published: drafts.length, termStatus: TermStatus.Published, termId: term.id };
    });
    // The term's events (its introduction) now invite the newly placed students and supervisors.
    this.jobs.enqueueSoon(JobName.SyncEventInvitees, { termId: result.termId });
    const { termId: _, ...response } = result;
    return { ...response, notifications: queued };
  }

  private async notify(
    manager: EntityManager,
    send: SendMail,
    term: Term,
    round: number,
    fresh: Set<string>,
  ): Promise<void> {
    const rows = await this.rows(manager, term);
    const touched = rows.filter((r) => fresh.has(r.assignment.id));
    const key = (who: string) => `placements-${term.id}-${round}-${who}`;

    for (const districtId of new Set(touched.map((r) => r.district.id))) {
      const district = rows.find((r) => r.district.id === districtId)!.district;
      const contact = district.contactUserId ? await activeUserById(manager, district.contactUserId) : null;
      if (!contact) continue;
      await send({
        to: contact.email,
        recipientUserId: contact.id,
        template: 'placements-district',
        idempotencyKey: key(`district-${districtId}`),
        data: {
          name: contact.name,
          districtName: district.name,
          termCode: term.code,
          placements: rows
            .filter((r) => r.district.id === districtId)
            .map((r) => ({
              studentName: r.student.name,
              universityCode: r.university.code,
              unitName: r.offer.unitName,
              field: FIELD_SV.get(r.offer.field)!,
              supervisorName: r.supervisor.name,
            })),
        },
      });
    }

    for (const universityId of new Set(touched.map((r) => r.university.id))) {
      const university = rows.find((r) => r.university.id === universityId)!.university;
      const coordinators = await activeUsersWithRole(manager, Role.UniversityCoordinator, universityId);
      for (const coordinator of coordinators) {
        await send({
          to: coordinator.email,
          recipientUserId: coordinator.id,
          template: 'placements-university',
          idempotencyKey: key(`university-${coordinator.id}`),
          data: {
            name: coordinator.name,
            universityName: university.name,
            termCode: term.code,
            placements: rows
              .filter((r) => r.university.id === universityId)
              .map((r) => ({
                studentName: r.student.name,
                districtName: r.district.name,
                unitName: r.offer.unitName,
                field: FIELD_SV.get(r.offer.field)!,
                supervisorName: r.supervisor.name,
                supervisorEmail: r.supervisor.email,
              })),
          },
        });
      }
    }

    const periods = await periodsOfTerm(manager, term.id);
    for (const supervisorId of new Set(touched.map((r) => r.supervisor.id))) {
      const own = rows.filter((r) => r.supervisor.id === supervisorId);
      const { supervisor, district } = own[0];
      await send({
        to: supervisor.email,
        template: 'placement-supervisor',
        idempotencyKey: key(`supervisor-${supervisorId}`),
        data: {
          name: supervisor.name,
          termCode: term.code,
          districtName: district.name,
          students: own.map((r) => {
            const period = periods.find((p) => p.universityId === r.university.id);
            return {
              studentName: r.student.name,
              universityName: r.university.name,
              unitName: r.offer.unitName,
              period: period ? `${period.startsOn}–${period.endsOn}` : null,
            };
          }),
        },
      });
    }
  }

  private async rows(manager: EntityManager, term: Term): Promise<Row[]> {
    const assignments = await manager.find(Assignment, {
      where: { termId: term.id, status: AssignmentStatus.Published },
      order: { createdAt: 'ASC' },
    });
    const unique = (ids: string[]) => [...new Set(ids)];
    const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));
    const students = byId(await studentsByIds(manager, unique(assignments.map((a) => a.studentId))));
    const offers = byId(await offersByIds(manager, unique(assignments.map((a) => a.offerId))));
    const supervisors = byId(await supervisorsByIds(manager, unique(assignments.map((a) => a.supervisorId))));
    const districts = byId(await districtsByIds(manager, unique([...offers.values()].map((o) => o.districtId))));
    const universities = byId(await universitiesByIds(manager, unique(assignments.map((a) => a.universityId))));
    return assignments
      .map((assignment) => {
        const offer = offers.get(assignment.offerId)!;
        return {
          assignment,
          student: students.get(assignment.studentId)!,
          offer,
          supervisor: supervisors.get(assignment.supervisorId)!,
          district: districts.get(offer.districtId)!,
          university: universities.get(assignment.universityId)!,
        };
      })
      .sort((a, b) => a.student.name.localeCompare(b.student.name, 'sv'));
  }
}
