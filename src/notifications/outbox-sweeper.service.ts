import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Raw, Repository } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { JobQueueService } from '../jobs/job-queue.service';
import { JobName } from '../jobs/job-types';
import { PeriodicTask } from '../jobs/periodic-task';
import { DeliveryService } from './delivery.service';
import { Notification } from './entities/notification.entity';
import { NotificationStatus } from './notification-status';
import { deliveryJobId, OutboxService } from './outbox.service';

const BATCH = 200;

/**
 * Runs in every worker process, on a timer rather than as a queue job: it must keep working
 * when the queue has lost its jobs (a Redis restart). Enqueues undelivered e-mail whose job is
 * missing, and sets aside sends that were cut off.
 */
@Injectable()
export class OutboxSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxSweeper.name);
  private readonly task = new PeriodicTask('Outbox sweep', () => this.sweep());

  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    private readonly delivery: DeliveryService,
    private readonly outbox: OutboxService,
    private readonly jobs: JobQueueService,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.task.start(this.config.env.OUTBOX_SWEEP_MS);
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }

  /** One pass now (the timer's, or a test's). */
  tick(): Promise<void> {
    return this.task.tick();
  }

  private async sweep(): Promise<void> {
    const setAside = await this.delivery.setAsideStale();
    if (setAside) this.logger.warn(`${setAside} e-mail(s) cut off mid-send, set aside as unconfirmed`);
    // Rows younger than a second are still being handed to the queue by the request that wrote them.
    // Measured on the database's clock, which stamped created_at; a moved Clock must not hide them.
    const pending = await this.notifications.find({
      where: {
        status: NotificationStatus.Pending,
        createdAt: Raw((column) => `${column} < now() - interval '1 second'`),
      },
      order: { createdAt: 'ASC' },
      take: BATCH,
    });
    for (const row of pending) await this.ensureQueued(row);
  }

  private async ensureQueued(row: Notification): Promise<void> {
    const state = await this.jobs.stateOf(JobName.DeliverNotification, deliveryJobId(row));
    if (state === 'unknown') {
      await this.jobs.enqueue(JobName.DeliverNotification, { notificationId: row.id }, this.outbox.jobOptions(row));
      return;
    }
    if (state !== 'completed' && state !== 'failed') return;
    // Its job ended yet the row is still pending (a worker died on the last attempt): a new job.
    const next = { id: row.id, generation: row.generation + 1 };
    const bumped = await this.notifications.update(
      { id: row.id, generation: row.generation, status: NotificationStatus.Pending },
      { generation: next.generation },
    );
    if (bumped.affected) {
      await this.jobs.enqueue(JobName.DeliverNotification, { notificationId: row.id }, this.outbox.jobOptions(next));
    }
  }
}
