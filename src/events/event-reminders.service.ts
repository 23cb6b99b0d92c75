import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, MoreThan } from 'typeorm';
import { Clock } from '../common/time/clock';
import {
  addDays,
  endOfStockholmDay,
  startOfStockholmDay,
  stockholmDate,
  swedishTimeSpan,
} from '../common/time/stockholm';
import { OutboxService } from '../notifications/outbox.service';
import { activeCoordinators } from '../users/users.queries';
import { CalendarEventEntity } from './entities/event.entity';
import { EventInvitee } from './entities/event-invitee.entity';
import { EventStatus } from './event-status';
import { EventType } from './event-type';
import { EventsService } from './events.service';

/** The coordinators are reminded to plan the year's workshop from this day (and the next, should one be missed). */
export const WORKSHOP_REMINDER_DAY = '05-01';

export interface EventReminderRun {
  reminded: number;
  workshopReminders: number;
}

/**
 * The daily events job: keeps the invitees of coming events in step (students placed since an
 * introduction was planned), reminds everyone invited the day before, and on 1 May reminds the
 * coordinators to plan the workshop if the year has none. Idempotency keys make re-runs harmless.
 */
@Injectable()
export class EventRemindersService {
  private readonly logger = new Logger(EventRemindersService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly outbox: OutboxService,
    private readonly clock: Clock,
  ) {}

  async run(at: Date = this.clock.now()): Promise<EventReminderRun> {
    const coming = await this.dataSource.manager.find(CalendarEventEntity, {
      where: { status: EventStatus.Scheduled, endsAt: MoreThan(at) },
    });
    for (const event of coming) await this.events.sync(event.id);
    const today = stockholmDate(at);
    const result = { reminded: await this.remindTomorrow(today), workshopReminders: await this.remindWorkshop(today) };
    if (result.reminded || result.workshopReminders)
      this.logger.log(
        `Event reminders: ${result.reminded} invitee(s), ${result.workshopReminders} workshop reminder(s)`,
      );
    return result;
  }

  private async remindTomorrow(today: string): Promise<number> {
    const tomorrow = addDays(today, 1);
    const events = await this.dataSource.manager
      .createQueryBuilder(CalendarEventEntity, 'e')
      .where('e.status = :status', { status: EventStatus.Scheduled })
      .andWhere('e.starts_at >= :from AND e.starts_at < :to', {
        from: startOfStockholmDay(tomorrow),
        to: endOfStockholmDay(tomorrow),
      })
      .getMany();
    let sent = 0;
    for (const event of events) {
      await this.outbox.transaction(async (manager, send) => {
        for (const invitee of await manager.findBy(EventInvitee, { eventId: event.id })) {
          const written = await send({
            to: invitee.email,
            recipientUserId: invitee.userId,
            template: 'event-reminder',
            idempotencyKey: `event-reminder-${event.id}-${tomorrow}-${invitee.inviteeKey}`,
            data: {
              name: invitee.name,
              title: event.title,
              when: swedishTimeSpan(event.startsAt, event.endsAt),
              location: event.location,
            },
          });
          if (written) sent++;
        }
      });
    }
    return sent;
  }

  private async remindWorkshop(today: string): Promise<number> {
    const year = today.slice(0, 4);
    if (today !== `${year}-${WORKSHOP_REMINDER_DAY}` && today !== addDays(`${year}-${WORKSHOP_REMINDER_DAY}`, 1))
      return 0;
    const workshops = await this.dataSource.manager.findBy(CalendarEventEntity, {
      type: EventType.Workshop,
      status: EventStatus.Scheduled,
    });
    if (workshops.some((w) => stockholmDate(w.startsAt).startsWith(year))) return 0;
    let sent = 0;
    await this.outbox.transaction(async (manager, send) => {
      for (const coordinator of await activeCoordinators(manager)) {
        const written = await send({
          to: coordinator.email,
          recipientUserId: coordinator.id,
          template: 'workshop-reminder',
          idempotencyKey: `workshop-reminder-${year}-${coordinator.id}`,
          data: { name: coordinator.name, year },
        });
        if (written) sent++;
      }
    });
    return sent;
  }
}
