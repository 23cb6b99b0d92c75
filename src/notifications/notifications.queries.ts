import { EntityManager, In, LessThan, Not } from 'typeorm';
import { Notification } from './entities/notification.entity';
import { NotificationStatus } from './notification-status';

export function notificationsTo(manager: EntityManager, email: string): Promise<Notification[]> {
  return manager.findBy(Notification, { recipientEmail: email });
}

/** All but one a worker is sending right now; returns how many were deleted. */
export async function deleteNotificationsTo(manager: EntityManager, email: string): Promise<number> {
  return (
    (await manager.delete(Notification, { recipientEmail: email, status: Not(NotificationStatus.Sending) })).affected ??
    0
  );
}

/** Sent or failed, and untouched since `before`; returns how many were deleted. */
export async function deleteSettledBefore(manager: EntityManager, before: Date): Promise<number> {
  return (
    (
      await manager.delete(Notification, {
        status: In([NotificationStatus.Sent, NotificationStatus.Failed]),
        updatedAt: LessThan(before),
      })
    ).affected ?? 0
  );
}
