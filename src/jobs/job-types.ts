/** Every queue and job of the service, with the payload each job carries (ids, never entities). */
export enum QueueName {
  System = 'system',
  Notifications = 'notifications',
  Reminders = 'reminders',
  Allocation = 'allocation',
  Events = 'events',
  Privacy = 'privacy',
}

export enum JobName {
  Heartbeat = 'heartbeat',
  Housekeeping = 'housekeeping',
  DeliverNotification = 'deliver-notification',
  ReportingReminders = 'reporting-reminders',
  AllocationRun = 'allocation-run',
  EventReminders = 'event-reminders',
  SyncEventInvitees = 'sync-event-invitees',
  PersonalDataRetention = 'personal-data-retention',
}

export interface JobPayloads {
  [JobName.Heartbeat]: { heartbeatId: string };
  [JobName.Housekeeping]: Record<string, never>;
  [JobName.DeliverNotification]: { notificationId: string };
  [JobName.ReportingReminders]: Record<string, never>;
  [JobName.AllocationRun]: { runId: string };
  [JobName.EventReminders]: Record<string, never>;
  [JobName.SyncEventInvitees]: { termId: string };
  [JobName.PersonalDataRetention]: Record<string, never>;
}

/** Which queue each job runs on. */
export const QUEUE_OF: { readonly [N in JobName]: QueueName } = {
  [JobName.Heartbeat]: QueueName.System,
  [JobName.Housekeeping]: QueueName.System,
  [JobName.DeliverNotification]: QueueName.Notifications,
  [JobName.ReportingReminders]: QueueName.Reminders,
  [JobName.AllocationRun]: QueueName.Allocation,
  [JobName.EventReminders]: QueueName.Events,
  [JobName.SyncEventInvitees]: QueueName.Events,
  [JobName.PersonalDataRetention]: QueueName.Privacy,
};

export interface JobSchedule {
  /** Stable id: upserting it again never makes a second scheduler. */
  id: string;
  /** Cron pattern in Europe/Stockholm time. */
  pattern: string;
  job: JobName;
}

/** Repeating jobs; workers keep them registered (see JobSchedulesKeeper). */
export const JOB_SCHEDULES: readonly JobSchedule[] = [
  { id: 'daily-housekeeping', pattern: '15 3 * * *', job: JobName.Housekeeping },
  // Mornings, so a reminder reaches contact persons at the start of a working day.
  { id: 'reporting-reminders', pattern: '0 7 * * *', job: JobName.ReportingReminders },
  { id: 'event-reminders', pattern: '0 8 * * *', job: JobName.EventReminders },
  { id: 'personal-data-retention', pattern: '30 2 * * *', job: JobName.PersonalDataRetention },
];
