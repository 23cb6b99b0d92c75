import { Processor } from '@nestjs/bullmq';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobHandlers, JobProcessor } from '../jobs/job-processor';
import { JobName, QueueName } from '../jobs/job-types';
import { WORKER_OPTIONS } from '../jobs/queue-connection';
import { CalendarEventEntity } from './entities/event.entity';
import { EventRemindersService } from './event-reminders.service';
import { EventStatus } from './event-status';
import { EventsService } from './events.service';

@Processor(QueueName.Events, WORKER_OPTIONS)
export class EventsProcessor extends JobProcessor {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly events: EventsService,
    private readonly reminders: EventRemindersService,
  ) {
    super();
  }

  readonly handlers: JobHandlers = {
    [JobName.EventReminders]: () => this.reminders.run(),
    // After a publication: the term's events (its introduction) invite the newly placed.
    [JobName.SyncEventInvitees]: async ({ termId }) => {
      const events = await this.dataSource.manager.findBy(CalendarEventEntity, {
        termId,
        status: EventStatus.Scheduled,
      });
      for (const event of events) await this.events.sync(event.id);
    },
  };
}
