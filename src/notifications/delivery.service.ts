import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { UnrecoverableError, type Job } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import { In, Repository } from 'typeorm';
import { Clock } from '../common/time/clock';
import { AppConfig } from '../config/app-config';
import { JobPayloads, JobName } from '../jobs/job-types';
import { Notification } from './entities/notification.entity';
import { Mailer, MailRefusedError } from './mailer';
import { NotificationStatus } from './notification-status';
import { templateOf } from './templates';
import { mailContext } from './mail-context';
import { renderMail } from './templates/mail-template';

type DeliveryJob = Pick<
  Job<JobPayloads[JobName.DeliverNotification] & { deliveredAt?: string }>,
  'data' | 'updateData'
>;

export const CUT_OFF_MESSAGE =
  'The worker stopped while handing the message to the mail server; it may have been delivered';

/**
 * The delivery job. A row is claimed (`sending`) before the message goes out and marked `sent`
 * after; a row found still `sending` was cut off mid-send and is set aside as `unconfirmed`
 * rather than sent again, so a crash can never make a second copy.
 */
@Injectable()
export class DeliveryService {
  private readonly logger = new Logger(DeliveryService.name);

  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    private readonly mailer: Mailer,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async deliver(job: DeliveryJob): Promise<void> {
    const id = job.data.notificationId;
    const row = await this.notifications.findOneBy({ id });
    if (!row) return;
    if (row.status === NotificationStatus.Sending) {
      // An earlier attempt of this job got as far as the mail server and then stopped.
      if (job.data.deliveredAt)
        await this.markSent(id, new Date(job.data.deliveredAt), 'accepted (recorded after a restart)');
      else await this.setAside(id);
      return;
    }
    if (row.status !== NotificationStatus.Pending) return;

    const template = templateOf(row.template);
    if (!template) {
      await this.finish(id, NotificationStatus.Failed, `Unknown template "${row.template}"`);
      throw new UnrecoverableError(`Unknown template ${row.template}`);
    }
    const rendered = renderMail(template, row.data, mailContext(this.config));

    const claimed = await this.notifications
      .createQueryBuilder()
      .update()
      .set({ status: NotificationStatus.Sending, sendingSince: () => 'now()', attempts: () => 'attempts + 1' })
      .where({ id, status: NotificationStatus.Pending })
      .execute();
    if (!claimed.affected) return;

    let response: string;
    try {
      response = await this.mailer.send({ id, to: row.recipientEmail, messageId: row.messageId, rendered });
    } catch (error) {
      if (error instanceof MailRefusedError) return this.refused(row, error);
      await this.setAside(id, `${CUT_OFF_MESSAGE}: ${(error as Error).message}`);
      return;
    }
    await this.recordSent(job, id, response);
  }

  /** Rows that were sending for longer than a send can take: their worker died mid-send. */
  async setAsideStale(): Promise<number> {
    const result = await this.notifications
      .createQueryBuilder()
      .update()
      .set({ status: NotificationStatus.Unconfirmed, lastError: CUT_OFF_MESSAGE, sendingSince: null })
      .where('status = :status', { status: NotificationStatus.Sending })
      .andWhere(`sending_since < now() - make_interval(secs => :seconds)`, {
        seconds: this.config.env.MAIL_SENDING_LEASE_MS / 1000,
      })
      .execute();
    return result.affected ?? 0;
  }

  private async refused(row: Notification, error: MailRefusedError): Promise<void> {
    const lastAttempt = row.attempts + 1 >= this.config.env.MAIL_MAX_ATTEMPTS;
    if (error.permanent || lastAttempt) {
      await this.finish(row.id, NotificationStatus.Failed, error.message);
      throw new UnrecoverableError(`Notification ${row.id} failed: ${error.message}`);
    }
    await this.finish(row.id, NotificationStatus.Pending, error.message);
    // Thrown so the queue retries with backoff.
    throw error;
  }

  /**
   * The server accepted the message, so this must be recorded. If PostgreSQL is away, the fact is
   * kept on the job so that its retry records it instead of setting the row aside.
   */
  private async recordSent(job: DeliveryJob, id: string, response: string): Promise<void> {
    const sentAt = this.clock.now();
    for (let attempt = 1; ; attempt++) {
      try {
        await this.markSent(id, sentAt, response);
        return;
      } catch (error) {
        if (attempt < 3) {
          await sleep(200 * attempt);
          continue;
        }
        await job.updateData({ ...job.data, deliveredAt: sentAt.toISOString() }).catch(() => undefined);
        throw error;
      }
    }
  }

  private async markSent(id: string, sentAt: Date, response: string): Promise<void> {
    // An unconfirmed row may turn out sent after all, when a slow worker finishes late.
    await this.notifications.update(
      { id, status: In([NotificationStatus.Sending, NotificationStatus.Unconfirmed]) },
      { status: NotificationStatus.Sent, sentAt, sendingSince: null, lastError: null },
    );
    this.logger.log(`Notification ${id} delivered: ${response}`);
  }

  private async setAside(id: string, reason = CUT_OFF_MESSAGE): Promise<void> {
    await this.notifications.update(
      { id, status: NotificationStatus.Sending },
      { status: NotificationStatus.Unconfirmed, lastError: reason, sendingSince: null },
    );
    this.logger.warn(`Notification ${id} set aside as unconfirmed: ${reason}`);
  }

  private async finish(id: string, status: NotificationStatus, error: string): Promise<void> {
    await this.notifications.update({ id }, { status, lastError: error.slice(0, 2000), sendingSince: null });
  }
}
