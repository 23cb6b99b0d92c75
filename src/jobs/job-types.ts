/** Every queue and job of the service, with the payload each job carries (ids, never entities). */
export enum QueueName {
  System = 'system',
}

export enum JobName {
  Heartbeat = 'heartbeat',
  Housekeeping = 'housekeeping',
}

export interface JobPayloads {
  [JobName.Heartbeat]: { heartbeatId: string };
  [JobName.Housekeeping]: Record<string, never>;
}

/** Which queue each job runs on. */
export const QUEUE_OF: { readonly [N in JobName]: QueueName } = {
  [JobName.Heartbeat]: QueueName.System,
  [JobName.Housekeeping]: QueueName.System,
};
