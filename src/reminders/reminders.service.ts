import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { BalanceService } from '../balance/balance.service';
import { Actor, Role } from '../common/auth/role';
import { AppError } from '../common/errors/app-error';
import { Clock } from '../common/time/clock';
import { daysBetween, stockholmDate, swedishDate } from '../common/time/stockholm';
import { activeDistrictsWithContact } from '../districts/districts.queries';
import type { District } from '../districts/entities/district.entity';
import { OutboxService, SendMail } from '../notifications/outbox.service';
import { reportingDistrictIds } from '../offers/offers.queries';
import type { Term } from '../terms/entities/term.entity';
import { TermStatus } from '../terms/term-status';
import { termsInStatus } from '../terms/terms.queries';
import { TermsService } from '../terms/terms.service';
import type { User } from '../users/entities/user.entity';
import { activeUsersWithRole } from '../users/users.queries';
import { ReminderResultResponse as ReminderResult } from './dto/reminder-result.response';
import { dueReminder, summaryDue } from './reminder-plan';
import { RemindersErrors } from './reminders.errors';

interface Missing {
  district: District;
  /** The district's active contact person, if it has one. */
  contact: User | null;
}

/**
 * Reminds the contact persons of districts that have not reported any offer, 14, 7 and 2 days
 * before the deadline, and tells the coordinators the morning after it who is missing. All of it
 * through the outbox with idempotency keys, so running it again sends nothing twice.
 */
@Injectable()
export class RemindersService {
  private readonly logger = new Logger(RemindersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly terms: TermsService,
    private readonly balance: BalanceService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  /** The daily job; `at` is the moment it runs (the clock, or a test's chosen time). */
  async run(at: Date = this.clock.now()): Promise<ReminderResult[]> {
    const today = stockholmDate(at);
    const terms = await termsInStatus(this.dataSource.manager, [TermStatus.Reporting, TermStatus.Allocating]);
    const results: ReminderResult[] = [];
    for (const term of terms) {
      const due = term.status === TermStatus.Reporting ? dueReminder(today, term.reportingDeadline) : null;
      const summary = summaryDue(today, term.reportingDeadline);
      if (!due && !summary) continue;
      await this.outbox.transaction(async (manager, send) => {
        const missing = await this.missingDistricts(manager, term);
        if (due) {
          const result = await this.remind(
            send,
            term,
            missing,
            due.daysLeft,
            `reporting-reminder-${term.id}-{district}-${due.threshold}`,
          );
          results.push(result);
          this.logger.log(`${term.code}: ${due.threshold}-day reminder to ${result.reminded.length} district(s)`);
        }
        if (summary) await this.summarise(manager, send, term, missing);
      });
    }
    return results;
  }

  /** The coordinator's "remind now": at most one such reminder per district and day. */
  async remindNow(actor: Actor, code: string): Promise<ReminderResult> {
    return this.outbox.transaction(async (manager, send) => {
      const term = await this.terms.findByCode(code, manager);
      if (term.status !== TermStatus.Reporting) {
        throw AppError.of(RemindersErrors.term_not_reporting, { termCode: term.code, status: term.status });
      }
      const today = stockholmDate(this.clock.now());
      const daysLeft = Math.max(0, daysBetween(today, term.reportingDeadline));
      const missing = await this.missingDistricts(manager, term);
      const result = await this.remind(
        send,
        term,
        missing,
        daysLeft,
        `reporting-reminder-${term.id}-{district}-manual-${today}`,
      );
      await this.audit.record(manager, actor, {
        action: 'term.reminders_sent',
        entityType: 'term',
        entityId: term.id,
        changes: { reminded: { to: result.reminded } },
      });
      return result;
    });
  }

  private async remind(
    send: SendMail,
    term: Term,
    missing: Missing[],
    daysLeft: number,
    keyPattern: string,
  ): Promise<ReminderResult> {
    const result: ReminderResult = { termCode: term.code, reminded: [], withoutContact: [] };
    for (const { district, contact } of missing) {
      if (!contact) {
        result.withoutContact.push(district.name);
        continue;
      }
      const written = await send({
        to: contact.email,
        recipientUserId: contact.id,
        template: 'reporting-reminder',
        data: {
          name: contact.name,
          districtName: district.name,
          termCode: term.code,
          deadline: swedishDate(term.reportingDeadline),
          daysLeft,
        },
        idempotencyKey: keyPattern.replace('{district}', district.id),
      });
      if (written) result.reminded.push(district.name);
    }
    return result;
  }

  private async summarise(manager: EntityManager, send: SendMail, term: Term, missing: Missing[]): Promise<void> {
    const balance = await this.balance.of(manager, term);
    const coordinators = await activeUsersWithRole(manager, Role.Coordinator);
    for (const coordinator of coordinators) {
      await send({
        to: coordinator.email,
        recipientUserId: coordinator.id,
        template: 'reporting-summary',
        data: {
          name: coordinator.name,
          termCode: term.code,
          deadline: swedishDate(term.reportingDeadline),
          targetPlaces: term.targetPlaces,
          usablePlaces: balance.usablePlaces,
          reportedDistricts: balance.districts.filter((d) => d.reported).length,
          totalDistricts: balance.districts.length,
          missing: missing.map(({ district, contact }) => ({
            districtName: district.name,
            contactName: contact?.name ?? null,
          })),
        },
        idempotencyKey: `reporting-summary-${term.id}-${coordinator.id}`,
      });
    }
  }

  /** Active districts with no offer for the term, with their contact person if they have one. */
  private async missingDistricts(manager: EntityManager, term: Term): Promise<Missing[]> {
    const reported = new Set(await reportingDistrictIds(manager, term.id));
    const districts = await activeDistrictsWithContact(manager, { name: 'ASC' });
    return districts
      .filter((district) => !reported.has(district.id))
      .map((district) => {
        const contact = district.contactUser;
        return {
          district,
          contact: contact && contact.active && contact.role === Role.DistrictContact ? contact : null,
        };
      });
  }
}
