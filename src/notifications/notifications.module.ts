import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeliveryService } from './delivery.service';
import { Notification } from './entities/notification.entity';
import { Mailer } from './mailer';
import { NotificationsController } from './notifications.controller';
import { NotificationsProcessor } from './notifications.processor';
import { NotificationsService } from './notifications.service';
import { OutboxService } from './outbox.service';
import { OutboxSweeper } from './outbox-sweeper.service';

/** E-mail: the outbox every feature writes to, and (in workers) its delivery. */
@Global()
@Module({})
export class NotificationsModule {
  static forRoot(options: { worker: boolean }): DynamicModule {
    return {
      module: NotificationsModule,
      imports: [TypeOrmModule.forFeature([Notification])],
      controllers: [NotificationsController],
      providers: [
        OutboxService,
        NotificationsService,
        ...(options.worker ? [DeliveryService, Mailer, NotificationsProcessor, OutboxSweeper] : []),
      ],
      exports: [OutboxService, NotificationsService],
    };
  }
}
