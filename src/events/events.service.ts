import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Between, DataSource, EntityManager, In, LessThanOrEqual, MoreThanOrEqual, Not } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { diffFields } from '../audit/audit-diff';
import { Actor, Role } from '../common/auth/role';
import { AppError } from '../common/errors/app-error';
import { CommonErrors } from '../common/errors/common.errors';
import { problem } from '../common/errors/error-spec';
import { Paged, pageWindow, takeSkip } from '../common/http/paging';
import { Clock } from '../common/time/clock';
import { stockholmDate, swedishTimeSpan } from '../common/time/stockholm';
import { AppConfig } from '../config/app-config';
import { mailAddress, mailDomain } from '../notifications/mail-context';
import { OutboxService, SendMail } from '../notifications/outbox.service';
import type { Term } from '../terms/entities/term.entity';
import { earliestPeriodStart, termById, termWithCode } from '../terms/terms.queries';
import { TermsService } from '../terms/terms.service';
import { buildCalendar, CalendarEvent, CalendarOptions } from './calendar';
import { AttendanceDto, CreateEventDto, EventQueryDto, UpdateEventDto } from './dto/event.dto';
import { CalendarEventEntity } from './entities/event.entity';
import { EventInvitee } from './entities/event-invitee.entity';
import { checkEventRules } from './event-rules';
import { EventsErrors } from './events.errors';
import { EventStatus } from './event-status';
import { EVENT_TYPE_SV, EventType } from './event-type';
import { Invitee, inviteesOf } from './invitees';

@Injectable()
export class EventsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly terms: TermsService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async list(
    actor: Actor,
    query: EventQueryDto,
  ): Promise<Paged<{ event: CalendarEventEntity; invited: boolean; invitees: number }>> {
    const termId = query.termCode ? (await this.terms.findByCode(query.termCode)).id : undefined;
    const from = query.from ? new Date(query.from) : undefined;
    const to = query.to ? new Date(query.to) : undefined;
    const [events, total] = await this.dataSource.manager.findAndCount(CalendarEventEntity, {
      where: {
        ...(query.type ? { type: query.type } : {}),
        ...(termId ? { termId } : {}),
        ...(from && to
          ? { startsAt: Between(from, to) }
          : from
            ? { endsAt: MoreThanOrEqual(from) }
            : to
              ? { startsAt: LessThanOrEqual(to) }
              : {}),
      },
      order: { startsAt: 'ASC', id: 'ASC' },
      ...takeSkip(pageWindow(query)),
    });
    return { rows: await this.withInvitation(actor, events), total };
  }

  async get(actor: Actor, id: string) {
    const [one] = await this.withInvitation(actor, [await this.find(this.dataSource.manager, id)]);
    return one;
  }

  async create(actor: Actor, dto: CreateEventDto): Promise<CalendarEventEntity> {
    return this.outbox.transaction(async (manager, send) => {
      const term = dto.termCode ? await this.terms.findByCode(dto.termCode, manager, true) : null;
      const event = manager.create(CalendarEventEntity, {
        type: dto.type,
        title: dto.title,
        description: dto.description ?? null,
        location: dto.location,
        startsAt: new Date(dto.startsAt),
        endsAt: new Date(dto.endsAt),
        termId: term?.id ?? null,
        includeUniversities: dto.includeUniversities ?? false,
        createdBy: actor.id,
      });
      await this.checkRules(manager, event, term);
      await manager.insert(CalendarEventEntity, event);
      await this.audit.record(manager, actor, {
        action: 'event.created',
        entityType: 'event',
        entityId: event.id,
        changes: diffFields(null, {
          type: event.type,
          title: event.title,
          startsAt: event.startsAt,
          endsAt: event.endsAt,
          location: event.location,
          termId: event.termId,
        }),
      });
      const saved = await this.find(manager, event.id);
      await this.syncInvitees(manager, send, saved, false);
      return saved;
    });
  }

  /** Any change raises SEQUENCE and re-sends the invitation to everyone invited. */
  async update(actor: Actor, id: string, dto: UpdateEventDto): Promise<CalendarEventEntity> {
    return this.outbox.transaction(async (manager, send) => {
      const event = await this.find(manager, id, true);
      if (event.status === EventStatus.Cancelled)
        throw AppError.of(EventsErrors.event_cancelled, { title: event.title, change: 'update' });
      const patch: Partial<CalendarEventEntity> = {
        ...(dto.title !== undefined ? { title: dto.title } : {}),
        ...(dto.description !== undefined ? { description: dto.description } : {}),
        ...(dto.location !== undefined ? { location: dto.location } : {}),
        ...(dto.startsAt !== undefined ? { startsAt: new Date(dto.startsAt) } : {}),
        ...(dto.endsAt !== undefined ? { endsAt: new Date(dto.endsAt) } : {}),
        ...(dto.includeUniversities !== undefined ? { includeUniversities: dto.includeUniversities } : {}),
      };
      const term = event.termId ? await termById(manager, event.termId) : null;
      await this.checkRules(manager, { ...event, ...patch }, term);
      if (!(await this.audit.update(manager, actor, CalendarEventEntity, 'event', event, patch))) return event;
      await manager.increment(CalendarEventEntity, { id }, 'sequence', 1);
      const updated = await this.find(manager, id);
      await this.syncInvitees(manager, send, updated, true);
      return updated;
    });
  }

  /** Cancelled events stay, as STATUS:CANCELLED in feeds; everyone invited gets a CANCEL. */
  async cancel(actor: Actor, id: string): Promise<CalendarEventEntity> {
    return this.outbox.transaction(async (manager, send) => {
      const event = await this.find(manager, id, true);
      if (event.status === EventStatus.Cancelled)
        throw AppError.of(EventsErrors.event_cancelled, { title: event.title, change: 'cancel' });
      await this.audit.update(manager, actor, CalendarEventEntity, 'event', event, {
        status: EventStatus.Cancelled,
        sequence: event.sequence + 1,
      });
      const cancelled = await this.find(manager, id);
      for (const invitee of await manager.findBy(EventInvitee, { eventId: id }))
        await this.sendCancel(send, cancelled, invitee, false);
      return cancelled;
    });
  }

  /** Brings the invitees in line with the event's type (e.g. students placed since it was created). */
  async sync(eventId: string): Promise<void> {
    await this.outbox.transaction(async (manager, send) => {
      const event = await this.find(manager, eventId, true);
      if (event.status === EventStatus.Scheduled && event.endsAt > this.clock.now())
        await this.syncInvitees(manager, send, event, false);
    });
  }

  async invitees(id: string): Promise<EventInvitee[]> {
    await this.find(this.dataSource.manager, id);
    return this.dataSource.manager.find(EventInvitee, { where: { eventId: id }, order: { kind: 'ASC', name: 'ASC' } });
  }

  /** Attendance is recorded once the event has begun. */
  attendanceOpen(event: Pick<CalendarEventEntity, 'startsAt'>): boolean {
    return event.startsAt <= this.clock.now();
  }

  async recordAttendance(actor: Actor, id: string, dto: AttendanceDto): Promise<EventInvitee[]> {
    await this.dataSource.transaction(async (manager) => {
      const event = await this.find(manager, id, true);
      if (!this.attendanceOpen(event))
        throw AppError.of(EventsErrors.event_not_started, {
          title: event.title,
          startsOn: stockholmDate(event.startsAt),
        });
      const known = new Set((await manager.findBy(EventInvitee, { eventId: id })).map((i) => i.id));
      const unknown = dto.attendance
        .map((entry, i) => ({ entry, i }))
        .filter(({ entry }) => !known.has(entry.inviteeId));
      if (unknown.length)
        throw AppError.invalid(
          unknown.map(({ i }) =>
            problem(EventsErrors.not_invited, `attendance.${i}.inviteeId`, { title: event.title }),
          ),
        );
      for (const entry of dto.attendance)
        await manager.update(EventInvitee, { id: entry.inviteeId }, { attended: entry.attended });
      await this.audit.record(manager, actor, {
        action: 'event.attendance_recorded',
        entityType: 'event',
        entityId: id,
        changes: {
          attended: { to: dto.attendance.filter((a) => a.attended).length },
          absent: { to: dto.attendance.filter((a) => !a.attended).length },
        },
      });
    });
    return this.invitees(id);
  }

  /** One event as a calendar file (METHOD:PUBLISH). */
  async ics(id: string): Promise<string> {
    const event = await this.find(this.dataSource.manager, id);
    return buildCalendar([this.toCalendar(event)], this.calendarOptions('PUBLISH', event.title));
  }

  /** A user's feed: what they are invited to (a coordinator: everything), cancelled ones included. */
  async feed(user: { id: string; role: Role; name: string }): Promise<string> {
    const events =
      user.role === Role.Coordinator
        ? await this.dataSource.manager.find(CalendarEventEntity, { order: { startsAt: 'ASC' } })
        : await this.dataSource.manager
            .createQueryBuilder(CalendarEventEntity, 'e')
            .innerJoin(EventInvitee, 'i', 'i.event_id = e.id AND i.user_id = :userId', { userId: user.id })
            .orderBy('e.starts_at')
            .getMany();
    return buildCalendar(
      events.map((e) => this.toCalendar(e)),
      this.calendarOptions('PUBLISH', 'VFU Stockholms stad'),
    );
  }

  /** Adds the invitees the type now calls for (inviting them) and removes those it no longer does. */
  private async syncInvitees(
    manager: EntityManager,
    send: SendMail,
    event: CalendarEventEntity,
    changed: boolean,
  ): Promise<void> {
    const wanted = await inviteesOf(manager, event);
    const current = await manager.findBy(EventInvitee, { eventId: event.id });
    const currentKeys = new Set(current.map((i) => i.inviteeKey));
    const wantedKeys = new Set(wanted.map((i) => i.inviteeKey));
    for (const gone of current.filter((i) => !wantedKeys.has(i.inviteeKey))) {
      await manager.delete(EventInvitee, { id: gone.id });
      await this.sendCancel(send, event, gone, true);
    }
    const added = wanted.filter((i) => !currentKeys.has(i.inviteeKey));
    if (added.length)
      await manager.insert(
        EventInvitee,
        added.map((i) => ({ ...i, eventId: event.id })),
      );
    for (const invitee of added) await this.sendInvitation(send, event, invitee, false);
    if (changed) {
      for (const invitee of current.filter((i) => wantedKeys.has(i.inviteeKey)))
        await this.sendInvitation(send, event, invitee, true);
    }
  }

  private async sendInvitation(
    send: SendMail,
    event: CalendarEventEntity,
    invitee: Invitee,
    update: boolean,
  ): Promise<void> {
    await send({
      to: invitee.email,
      recipientUserId: invitee.userId,
      template: 'event-invitation',
      idempotencyKey: `event-${event.id}-${event.sequence}-${invitee.inviteeKey}`,
      data: {
        name: invitee.name,
        kind: EVENT_TYPE_SV[event.type],
        title: event.title,
        when: swedishTimeSpan(event.startsAt, event.endsAt),
        location: event.location,
        description: event.description,
        update,
        ics: buildCalendar([this.toCalendar(event)], this.calendarOptions('REQUEST', event.title, invitee)),
      },
    });
  }

  private async sendCancel(
    send: SendMail,
    event: CalendarEventEntity,
    invitee: Invitee,
    uninvited: boolean,
  ): Promise<void> {
    await send({
      to: invitee.email,
      recipientUserId: invitee.userId,
      template: 'event-cancelled',
      idempotencyKey: `event-${event.id}-${event.sequence}-cancel-${invitee.inviteeKey}`,
      data: {
        name: invitee.name,
        title: event.title,
        when: swedishTimeSpan(event.startsAt, event.endsAt),
        uninvited,
        ics: buildCalendar(
          [{ ...this.toCalendar(event), cancelled: true }],
          this.calendarOptions('CANCEL', event.title, invitee),
        ),
      },
    });
  }

  /** The letter of intent's rules; 400 naming the rule, or 409 for one-per-term and one-per-year. */
  private async checkRules(manager: EntityManager, event: CalendarEventEntity, term: Term | null): Promise<void> {
    const year = stockholmDate(event.startsAt).slice(0, 4);
    const autumn = event.type === EventType.Workshop ? await termWithCode(manager, `HT${year}`) : null;
    const violations = checkEventRules({
      type: event.type,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      term: term ? { code: term.code, earliestStart: await earliestPeriodStart(manager, term.id) } : null,
      autumnTerm: autumn ? { code: autumn.code, earliestStart: await earliestPeriodStart(manager, autumn.id) } : null,
    });
    // The rules' own English is the API's message, as it always was; each rule is a detail.
    if (violations.length)
      throw AppError.withDetails(CommonErrors.validation_failed, violations, {
        count: violations.length,
        summary: violations.map((v) => v.message).join('; '),
      });

    const others = { status: EventStatus.Scheduled, ...(event.id ? { id: Not(event.id) } : {}) };
    if (
      event.type === EventType.Introduction &&
      term &&
      (await manager.existsBy(CalendarEventEntity, { ...others, type: EventType.Introduction, termId: term.id }))
    ) {
      throw AppError.of(EventsErrors.one_introduction_per_term, { termCode: term.code });
    }
    if (event.type === EventType.Workshop) {
      // One writer at a time per year, so two workshops cannot both pass the check.
      await manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`workshop-${year}`]);
      const workshops = await manager.find(CalendarEventEntity, { where: { ...others, type: EventType.Workshop } });
      const planned = workshops.find((w) => stockholmDate(w.startsAt).startsWith(year));
      if (planned) throw AppError.of(EventsErrors.one_workshop_per_year, { year, title: planned.title });
    }
  }

  private toCalendar(event: CalendarEventEntity): CalendarEvent {
    return {
      uid: `event-${event.id}@${mailDomain(this.config)}`,
      sequence: event.sequence,
      summary: event.title,
      description: [EVENT_TYPE_SV[event.type], event.description].filter(Boolean).join('\n\n'),
      location: event.location,
      startsAt: event.startsAt,
      endsAt: event.endsAt,
      cancelled: event.status === EventStatus.Cancelled,
      updatedAt: event.updatedAt,
    };
  }

  private calendarOptions(method: CalendarOptions['method'], name: string, attendee?: Invitee): CalendarOptions {
    return {
      method,
      name,
      organizer: { name: this.config.env.MAIL_ORGANISATION, email: mailAddress(this.config) },
      ...(attendee ? { attendee: { name: attendee.name, email: attendee.email } } : {}),
    };
  }

  private async find(manager: EntityManager, id: string, lock = false): Promise<CalendarEventEntity> {
    const event = await manager.findOne(CalendarEventEntity, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!event) throw AppError.notFound('event');
    return event;
  }

  private async withInvitation(actor: Actor, events: CalendarEventEntity[]) {
    const ids = events.map((e) => e.id);
    const invitees = ids.length
      ? await this.dataSource.manager.find(EventInvitee, {
          where: { eventId: In(ids) },
          select: { eventId: true, userId: true },
        })
      : [];
    return events.map((event) => ({
      event,
      invited: invitees.some((i) => i.eventId === event.id && i.userId === actor.id),
      invitees: invitees.filter((i) => i.eventId === event.id).length,
    }));
  }
}
