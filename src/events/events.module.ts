import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { TermsModule } from '../terms/terms.module';
import { CalendarTokensService } from './calendar-tokens.service';
import { CalendarController } from './calendar.controller';
import { CalendarToken } from './entities/calendar-token.entity';
import { EventInvitee } from './entities/event-invitee.entity';
import { CalendarEventEntity } from './entities/event.entity';
import { EventRemindersService } from './event-reminders.service';
import { EventsController } from './events.controller';
import { EventsProcessor } from './events.processor';
import { EventsService } from './events.service';

/** The shared calendar: events, invitations, per-user feeds, reminders. */
@Module({})
export class EventsModule {
  static forRoot(options: { worker: boolean }): DynamicModule {
    return {
      module: EventsModule,
      imports: [TypeOrmModule.forFeature([CalendarEventEntity, EventInvitee, CalendarToken]), TermsModule],
      controllers: [EventsController, CalendarController],
      exports: [EventsService, CalendarTokensService],
      providers: [
        EventsService,
        CalendarTokensService,
        EventRemindersService,
        ...(options.worker ? [EventsProcessor] : []),
      ],
    };
  }
}
