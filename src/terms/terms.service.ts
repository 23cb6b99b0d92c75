import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { diffFields } from '../audit/audit-diff';
import { Actor, Role } from '../common/auth/role';
import { AppError } from '../common/errors/app-error';
import { CommonErrors } from '../common/errors/common.errors';
import { FieldProblem, problem } from '../common/errors/error-spec';
import { Clock } from '../common/time/clock';
import { swedishDate } from '../common/time/stockholm';
import { ReadCache } from '../database/read-cache';
import { activeDistrictsWithContact } from '../districts/districts.queries';
import { OutboxService, SendMail } from '../notifications/outbox.service';
import { universitiesByIds } from '../universities/universities.queries';
import { CreateTermDto, TermPeriodDto, UpdateTermDto } from './dto/term.dto';
import { TermResponse } from './dto/term.response';
import { TermPeriod } from './entities/term-period.entity';
import { Term } from './entities/term.entity';
import { byTermCode, nextStatus, TermStatus } from './term-status';
import { TermsErrors } from './terms.errors';

@Injectable()
export class TermsService {
  constructor(
    @InjectRepository(Term) private readonly terms: Repository<Term>,
    @InjectRepository(TermPeriod) private readonly periods: Repository<TermPeriod>,
    private readonly outbox: OutboxService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly cache: ReadCache,
  ) {}

  list(): Promise<TermResponse[]> {
    return this.cache.get('terms', async () => {
      // Newest first.
      const terms = (await this.terms.find()).sort((a, b) => byTermCode(b, a));
      const periods = await this.periods.find({ where: { termId: In(terms.map((t) => t.id)) } });
      return terms.map((term) =>
        TermResponse.of(
          term,
          periods.filter((p) => p.termId === term.id),
        ),
      );
    });
  }

  get(code: string): Promise<TermResponse> {
    return this.cache.get(`term:${code}`, async () => {
      const term = await this.findByCode(code);
      return TermResponse.of(term, await this.periods.findBy({ termId: term.id }));
    });
  }

  /** The term an offer, student or event points to; 404 when there is none. */
  async getById(id: string): Promise<TermResponse> {
    const term = await this.terms.findOneBy({ id });
    if (!term) throw AppError.notFound('term');
    return TermResponse.of(term, await this.periods.findBy({ termId: term.id }));
  }

  /** The term with this code; 404 when there is none. Locks it when `lock` is set. */
  async findByCode(code: string, manager?: EntityManager, lock = false): Promise<Term> {
    const term = await (manager ?? this.terms.manager).findOne(Term, {
      where: { code },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!term) throw AppError.notFound('term', code);
    return term;
  }

  async create(actor: Actor, dto: CreateTermDto): Promise<TermResponse> {
    return this.outbox.transaction(async (manager) => {
      await this.checkPeriods(manager, dto.periods);
      if (await manager.existsBy(Term, { code: dto.code })) {
        throw AppError.of(TermsErrors.term_code_taken, { termCode: dto.code });
      }
      const term = manager.create(Term, {
        code: dto.code,
        targetPlaces: dto.targetPlaces ?? 100,
        reportingDeadline: dto.reportingDeadline,
      });
      await manager.insert(Term, term);
      const periods = await this.replacePeriods(manager, term.id, dto.periods);
      await this.audit.record(manager, actor, {
        action: 'term.created',
        entityType: 'term',
        entityId: term.id,
        changes: diffFields(null, {
          code: term.code,
          targetPlaces: term.targetPlaces,
          reportingDeadline: term.reportingDeadline,
          periods: dto.periods,
        }),
      });
      return TermResponse.of(await manager.findOneByOrFail(Term, { id: term.id }), periods);
    });
  }

  async update(actor: Actor, code: string, dto: UpdateTermDto): Promise<TermResponse> {
    return this.outbox.transaction(async (manager, send) => {
      const term = await this.findByCode(code, manager, true);
      if (dto.status !== undefined && dto.status !== term.status) {
        const next = nextStatus(term.status);
        if (dto.status !== next) {
          throw AppError.of(TermsErrors.invalid_status_transition, {
            termCode: term.code,
            from: term.status,
            to: dto.status,
            next,
          });
        }
        // Publishing is more than a status: the placements become final and everyone is told.
        if (next === TermStatus.Published) {
          throw AppError.of(TermsErrors.invalid_status_transition, {
            termCode: term.code,
            from: term.status,
            to: dto.status,
            next,
          });
        }
      }
      if (dto.code !== undefined && dto.code !== term.code && (await manager.existsBy(Term, { code: dto.code }))) {
        throw AppError.of(TermsErrors.term_code_taken, { termCode: dto.code });
      }
      if (dto.periods) {
        await this.checkPeriods(manager, dto.periods);
        const before = await manager.findBy(TermPeriod, { termId: term.id });
        await this.replacePeriods(manager, term.id, dto.periods);
        await this.audit.record(manager, actor, {
          action: 'term.periods_replaced',
          entityType: 'term',
          entityId: term.id,
          changes: {
            periods: {
              from: before.map(({ universityId, startsOn, endsOn }) => ({ universityId, startsOn, endsOn })),
              to: dto.periods,
            },
          },
        });
      }
      const { periods: _, ...fields } = dto;
      const closing = dto.status === TermStatus.Closed && term.status !== TermStatus.Closed;
      await this.audit.update(manager, actor, Term, 'term', term, {
        ...fields,
        ...(closing ? { closedAt: this.clock.now() } : {}),
      });
      const updated = await manager.findOneByOrFail(Term, { id: term.id });
      if (term.status !== TermStatus.Reporting && updated.status === TermStatus.Reporting)
        await this.announceReporting(manager, send, updated);
      return TermResponse.of(updated, await manager.findBy(TermPeriod, { termId: term.id }));
    });
  }

  /** Opening the reporting asks every district's contact person for their places. */
  private async announceReporting(manager: EntityManager, send: SendMail, term: Term): Promise<void> {
    const districts = await activeDistrictsWithContact(manager);
    for (const district of districts) {
      const contact = district.contactUser;
      if (!contact || !contact.active || contact.role !== Role.DistrictContact) continue;
      await send({
        to: contact.email,
        recipientUserId: contact.id,
        template: 'reporting-opened',
        data: {
          name: contact.name,
          districtName: district.name,
          termCode: term.code,
          deadline: swedishDate(term.reportingDeadline),
          targetPlaces: term.targetPlaces,
        },
        idempotencyKey: `reporting-opened-${term.id}-${district.id}`,
      });
    }
  }

  private async checkPeriods(manager: EntityManager, periods: TermPeriodDto[]): Promise<void> {
    const problems: FieldProblem[] = [];
    const seen = new Set<string>();
    const known = new Map(
      (
        await universitiesByIds(
          manager,
          periods.map((p) => p.universityId),
        )
      ).map((u) => [u.id, u.name] as const),
    );
    periods.forEach((period, index) => {
      const universityName = known.get(period.universityId);
      if (universityName === undefined)
        problems.push(problem(CommonErrors.no_such_university, `periods.${index}.universityId`, {}));
      else if (seen.has(period.universityId))
        problems.push(
          problem(TermsErrors.period_university_twice, `periods.${index}.universityId`, { universityName }),
        );
      seen.add(period.universityId);
      if (period.endsOn <= period.startsOn)
        problems.push(
          problem(TermsErrors.period_ends_before_start, `periods.${index}.endsOn`, {
            startsOn: period.startsOn,
            endsOn: period.endsOn,
          }),
        );
    });
    if (problems.length) throw AppError.invalid(problems);
  }

  private async replacePeriods(
    manager: EntityManager,
    termId: string,
    periods: TermPeriodDto[],
  ): Promise<TermPeriod[]> {
    await manager.delete(TermPeriod, { termId });
    const rows = periods.map((p) =>
      manager.create(TermPeriod, { termId, universityId: p.universityId, startsOn: p.startsOn, endsOn: p.endsOn }),
    );
    await manager.insert(TermPeriod, rows);
    return rows;
  }
}
