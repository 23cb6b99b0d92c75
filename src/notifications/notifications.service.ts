import { Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { Actor } from '../common/auth/role';
import { AppError } from '../common/errors/app-error';
import { mapPage, Paged, pageWindow, takeSkip } from '../common/http/paging';
import { AppConfig } from '../config/app-config';
import { mailContext } from './mail-context';
import { NotificationQueryDto } from './dto/notification-query.dto';
import { NotificationResponse } from './dto/notification.response';
import { Notification } from './entities/notification.entity';
import { NotificationStatus } from './notification-status';
import { NotificationsErrors } from './notifications.errors';
import { OutboxService } from './outbox.service';
import { templateOf } from './templates';
import { renderMail } from './templates/mail-template';

const RETRYABLE = [NotificationStatus.Failed, NotificationStatus.Unconfirmed];
const OUTBOX_PAGE = 100;

/** The coordinator's view of the outbox: what went out, what failed, and retrying it. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    private readonly outbox: OutboxService,
    private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  /** Newest first, 100 a page unless `limit` says otherwise (the outbox never answered whole). */
  async list(query: NotificationQueryDto): Promise<Paged<NotificationResponse>> {
    const [rows, total] = await this.notifications.findAndCount({
      where: query.status ? { status: query.status } : {},
      order: { createdAt: 'DESC', id: 'ASC' },
      ...takeSkip(pageWindow(query, OUTBOX_PAGE)),
    });
    return mapPage({ rows, total }, (row) => this.toResponse(row));
  }

  async get(id: string): Promise<NotificationResponse> {
    return this.toResponse(await this.find(id));
  }

  /**
   * Sends a failed or unconfirmed e-mail again, with fresh attempts. It keeps its Message-ID, so
   * a mailbox that did get the unconfirmed one treats the copy as the same message.
   */
  async retry(actor: Actor, id: string): Promise<NotificationResponse> {
    const row = await this.dataSource.transaction(async (manager) => {
      const current = await manager.findOne(Notification, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw AppError.notFound('notification');
      if (!RETRYABLE.includes(current.status)) {
        throw AppError.of(NotificationsErrors.notification_not_retryable, {
          status: current.status,
          recipient: current.recipientEmail,
        });
      }
      await this.audit.update(manager, actor, Notification, 'notification', current, {
        status: NotificationStatus.Pending,
        attempts: 0,
        generation: current.generation + 1,
        lastError: null,
      });
      return manager.findOneByOrFail(Notification, { id });
    });
    this.outbox.dispatch([row.id], row.generation);
    return this.toResponse(row);
  }

  private async find(id: string): Promise<Notification> {
    const row = await this.notifications.findOneBy({ id });
    if (!row) throw AppError.notFound('notification');
    return row;
  }

  private toResponse(row: Notification): NotificationResponse {
    const template = templateOf(row.template);
    const subject = template ? renderMail(template, row.data, mailContext(this.config)).subject : null;
    return NotificationResponse.of(row, subject);
  }
}
