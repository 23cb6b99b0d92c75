/** Every queue and job of the service, with the payload each job carries (ids, never entities). */
export enum QueueName {
  System = 'system',
  Notifications = 'notifications',
}

export enum JobName {
  Heartbeat = 'heartbeat',
  Housekeeping = 'housekeeping',
  DeliverNotification = 'deliver-notification',
}

export interface JobPayloads {
  [JobName.Heartbeat]: { heartbeatId: string };
  [JobName.Housekeeping]: Record<string, never>;
  [JobName.DeliverNotification]: { notificationId: string };
}

/** Which queue each job runs on. */
export const QUEUE_OF: { readonly [N in JobName]: QueueName } = {
  [JobName.Heartbeat]: QueueName.System,
  [JobName.Housekeeping]: QueueName.System,
  [JobName.DeliverNotification]: QueueName.Notifications,
};
