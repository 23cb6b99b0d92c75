import { Notification } from '../entities/notification.entity';
import { NotificationStatus } from '../notification-status';

export class NotificationResponse {
  id: string;
  status: NotificationStatus;
  template: string;
  /** The subject line as the recipient sees it. */
  subject: string | null;
  recipientEmail: string;
  recipientUserId: string | null;
  messageId: string;
  idempotencyKey: string;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;

  static of(notification: Notification, subject: string | null): NotificationResponse {
    return {
      id: notification.id,
      status: notification.status,
      template: notification.template,
      subject,
      recipientEmail: notification.recipientEmail,
      recipientUserId: notification.recipientUserId,
      messageId: notification.messageId,
      idempotencyKey: notification.idempotencyKey,
      attempts: notification.attempts,
      lastError: notification.lastError,
      createdAt: notification.createdAt,
      sentAt: notification.sentAt,
    };
  }
}
