import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AssignmentStatus } from '../assignments/assignment-status';
import { placementsWithOffer } from '../assignments/assignments.queries';
import { BalanceService } from '../balance/balance.service';
import { daysBetween, endOfStockholmDay, stockholmDate } from '../common/time/stockholm';
import { ReadCache } from '../database/read-cache';
import type { CalendarEventEntity } from '../events/entities/event.entity';
import type { EventInvitee } from '../events/entities/event-invitee.entity';
import { inviteesOfEvent, scheduledIntroductionOf, scheduledWorkshops } from '../events/events.queries';
import { InviteeKind } from '../events/invitee-kind';
import type { Term } from '../terms/entities/term.entity';
import { byTermCode } from '../terms/term-status';
import { allTerms } from '../terms/terms.queries';
import { TermsService } from '../terms/terms.service';
import { districtsOfUsers } from '../users/users.queries';
import { AttendanceResponse, TermReportResponse, TrendRowResponse } from './dto/report.response';

/** The year whose workshop belongs to a term: HT2026 and VT2027 share the workshop of 2026. */
const workshopYear = (code: string) => Number(code.slice(2)) - (code.startsWith('VT') ? 1 : 0);

/** Follow-up of a term against the letter of intent, and terms side by side. */
@Injectable()
export class ReportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly terms: TermsService,
    private readonly balance: BalanceService,
    private readonly cache: ReadCache,
  ) {}

  termReport(code: string): Promise<TermReportResponse> {
    return this.cache.get(`report:${code}`, async () =>
      this.report(this.dataSource.manager, await this.terms.findByCode(code)),
    );
  }

  async trend(): Promise<TrendRowResponse[]> {
    const terms = (await allTerms(this.dataSource.manager)).sort(byTermCode);
    const rows: TrendRowResponse[] = [];
    for (const term of terms) {
      const report = await this.report(this.dataSource.manager, term);
      rows.push({
        termCode: term.code,
        status: term.status,
        targetPlaces: report.targetPlaces,
        offeredPlaces: report.offeredPlaces,
        usablePlaces: report.usablePlaces,
        filled: report.filled,
        shortfall: report.shortfall,
        districtsReported: report.districts.filter((d) => d.reporting !== 'not_reported').length,
        districtsOnTime: report.districts.filter((d) => d.reporting === 'on_time').length,
        trainedShare: report.supervisorTraining.trainedShare,
        introductionAttendance: report.introduction?.recorded
          ? report.introduction.attended / report.introduction.invited
          : null,
      });
    }
    return rows;
  }

  private async report(manager: EntityManager, term: Term): Promise<TermReportResponse> {
    const balance = await this.balance.of(manager, term);
    const filledRows = await placementsWithOffer(manager, term.id);
    const published = filledRows.filter((r) => r.status === AssignmentStatus.Published);
    const count = (match: (r: (typeof published)[number]) => boolean) => published.filter(match).length;

    const deadlineEnd = endOfStockholmDay(term.reportingDeadline);
    const introduction = await scheduledIntroductionOf(manager, term.id);
    const workshop = (await scheduledWorkshops(manager)).find(
      (w) => Number(stockholmDate(w.startsAt).slice(0, 4)) === workshopYear(term.code),
    );
    const workshopInvitees = workshop ? await inviteesOfEvent(manager, workshop.id) : [];
    const contacts = new Map((await districtsOfUsers(manager)).map((u) => [u.id, u.districtId]));

    return {
      termCode: term.code,
      status: term.status,
      reportingDeadline: term.reportingDeadline,
      targetPlaces: balance.targetPlaces,
      offeredPlaces: balance.offeredPlaces,
      usablePlaces: balance.usablePlaces,
      filled: published.length,
      draftPlacements: filledRows.length - published.length,
      shortfall: balance.shortfall,
      districts: balance.districts.map((d) => {
        const first = d.firstReportedAt;
        const attendance = workshopInvitees.filter(
          (i) => i.userId && contacts.get(i.userId) === d.districtId && i.attended !== null,
        );
        return {
          districtId: d.districtId,
          name: d.name,
          offeredPlaces: d.offeredPlaces,
          usablePlaces: d.usablePlaces,
          filled: count((r) => r.districtId === d.districtId),
          reporting: !first ? 'not_reported' : first < deadlineEnd ? 'on_time' : 'late',
          firstReportedAt: first,
          daysBeforeDeadline: first ? daysBetween(stockholmDate(first), term.reportingDeadline) : null,
          attendedWorkshop: attendance.length ? attendance.some((i) => i.attended) : null,
        };
      }),
      fields: balance.fields.map((f) => ({ ...f, filled: count((r) => r.field === (f.field as typeof r.field)) })),
      universities: balance.universities.map((u) => ({
        universityId: u.universityId,
        code: u.code,
        requestedPlaces: u.requestedPlaces,
        quota: u.quota,
        filled: count((r) => r.universityId === u.universityId),
      })),
      supervisorTraining: balance.supervisorTraining,
      introduction: introduction ? await this.attendance(manager, introduction) : null,
      workshop: workshop ? this.summarise(workshop, workshopInvitees) : null,
    };
  }

  private async attendance(manager: EntityManager, event: CalendarEventEntity): Promise<AttendanceResponse> {
    return this.summarise(event, await inviteesOfEvent(manager, event.id));
  }

  private summarise(event: CalendarEventEntity, invitees: EventInvitee[]): AttendanceResponse {
    return {
      eventId: event.id,
      title: event.title,
      startsAt: event.startsAt,
      invited: invitees.length,
      recorded: invitees.filter((i) => i.attended !== null).length,
      attended: invitees.filter((i) => i.attended).length,
      byKind: Object.values(InviteeKind).map((kind) => ({
        kind,
        invited: invitees.filter((i) => i.kind === kind).length,
        attended: invitees.filter((i) => i.kind === kind && i.attended).length,
      })),
    };
  }
}
