import { Injectable, Optional } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { JobQueueService } from '../jobs/job-queue.service';
import { JobName } from '../jobs/job-types';
import { Notification } from './entities/notification.entity';
import { mailDomain } from './mail-context';
import { TemplateData, TemplateName } from './templates';

export interface OutboxMail<N extends TemplateName> {
  to: string;
  recipientUserId?: string | null;
  template: N;
  data: TemplateData[N];
  /** Names the occasion, e.g. `reminder-<term>-<district>-14`: writing the same key twice sends once. */
  idempotencyKey: string;
}

/** Queues e-mail from inside a transaction; false when its idempotency key was used before. */
export type SendMail = <N extends TemplateName>(mail: OutboxMail<N>) => Promise<boolean>;

export const deliveryJobId = (notification: Pick<Notification, 'id' | 'generation'>) =>
  `notification-${notification.id}-${notification.generation}`;

/**
 * The write side of the outbox. E-mail is recorded in PostgreSQL with the change that causes
 * it, so it is never lost and never sent for a change that rolled back; a job delivers it.
 */
@Injectable()
export class OutboxService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
    // Absent in the CLI, which has no queue: a worker's sweeper then picks the rows up.
    @Optional() private readonly jobs?: JobQueueService,
  ) {}

  /**
   * Runs `work` in one transaction; the e-mail it queues with `send` is written in that
   * transaction and handed to the queue once it has committed.
   */
  async transaction<T>(work: (manager: EntityManager, send: SendMail) => Promise<T>): Promise<T> {
    const added: string[] = [];
    const result = await this.dataSource.transaction((manager) =>
      work(manager, async (mail) => {
        const id = await this.add(manager, mail);
        if (id) added.push(id);
        return id !== null;
      }),
    );
    this.dispatch(added);
    return result;
  }

  /** Writes one e-mail in `manager`'s transaction; null when its idempotency key was used before. */
  async add<N extends TemplateName>(manager: EntityManager, mail: OutboxMail<N>): Promise<string | null> {
    const id = randomUUID();
    const result = await manager
      .createQueryBuilder()
      .insert()
      .into(Notification)
      .values({
        id,
        idempotencyKey: mail.idempotencyKey,
        recipientEmail: mail.to,
        recipientUserId: mail.recipientUserId ?? null,
        template: mail.template,
        data: mail.data as never,
        messageId: `<${id}@${mailDomain(this.config)}>`,
      })
      .orIgnore()
      .returning(['id'])
      .execute();
    return (result.raw as unknown[]).length ? id : null;
  }

  /** Hands rows to the queue without waiting on it; the sweeper covers what this misses. */
  dispatch(ids: string[], generation = 0): void {
    for (const id of ids) {
      this.jobs?.enqueueSoon(JobName.DeliverNotification, { notificationId: id }, this.jobOptions({ id, generation }));
    }
  }

  jobOptions(notification: Pick<Notification, 'id' | 'generation'>) {
    return {
      jobId: deliveryJobId(notification),
      attempts: this.config.env.MAIL_MAX_ATTEMPTS,
      backoff: { type: 'exponential', delay: this.config.env.MAIL_BACKOFF_MS },
    };
  }
}
