import type { INestApplication } from '@nestjs/common';
import { Queue } from 'bullmq';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { AppConfig } from '../../src/config/app-config';
import { QueueName } from '../../src/jobs/job-types';
import { queueConnection } from '../../src/jobs/queue-connection';
import { NotificationStatus } from '../../src/notifications/notification-status';

export interface QuietOptions {
  /** Consecutive checks that must find nothing busy. */
  quietChecks?: number;
  intervalMs?: number;
  /** Fails after this long, naming what was still busy. */
  timeoutMs?: number;
}

/** The service to watch: an app in this process, or the config (and database) of processes elsewhere. */
export type IdleTarget = INestApplication | { config: AppConfig; dataSource?: DataSource };

const BUSY_STATES = ['waiting', 'active', 'delayed', 'prioritized'] as const;
const UNFINISHED: readonly NotificationStatus[] = [NotificationStatus.Pending, NotificationStatus.Sending];

/** One BullMQ `Queue` per queue of the service, on its backend and prefix; the caller closes them. */
export function openQueues(config: AppConfig): Queue[] {
  return Object.values(QueueName).map(
    (name) => new Queue(name, { connection: queueConnection(config) as never, prefix: config.env.QUEUE_PREFIX }),
  );
}

/**
 * Polls `busy` until it has returned nothing for `quietChecks` checks in a row; throws with its
 * last answer after `timeoutMs`.
 */
export async function waitUntilQuiet(
  busy: () => Promise<string[]>,
  { quietChecks = 3, intervalMs = 50, timeoutMs = 15_000 }: QuietOptions = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let quiet = 0; ; await sleep(intervalMs)) {
    const found = await busy();
    quiet = found.length ? 0 : quiet + 1;
    if (quiet >= quietChecks) return;
    if (Date.now() > deadline) throw new Error(`still busy after ${timeoutMs} ms: ${found.join(', ')}`);
  }
}

/** Jobs of `queue` in a busy state, as "queue: n state". A job scheduler's next run is not work in progress. */
async function busyJobs(queue: Queue): Promise<string[]> {
  const counts = await queue.getJobCounts(...BUSY_STATES);
  if (counts.delayed) {
    const scheduled = (await queue.getDelayed()).filter((job) => job.repeatJobKey).length;
    counts.delayed -= scheduled;
  }
  return BUSY_STATES.filter((state) => counts[state] > 0).map((state) => `${queue.name}: ${counts[state]} ${state}`);
}

/**
 * Waits until the service has nothing more to do: no job waiting, active, delayed (beyond the
 * schedulers' next runs) or prioritized on any queue, and no e-mail still pending or sending in
 * the outbox, for a few checks in a row. For asserting that nothing more happened.
 */
export async function waitForIdle(target: IdleTarget, options: QuietOptions = {}): Promise<void> {
  const app = 'get' in target ? target : undefined;
  const config = app ? app.get(AppConfig) : (target as { config: AppConfig }).config;
  const dataSource = app ? app.get(DataSource) : (target as { dataSource?: DataSource }).dataSource;
  const queues = openQueues(config);
  const busy = async () => {
    const found = (await Promise.all(queues.map(busyJobs))).flat();
    if (dataSource) {
      const rows: { status: string; n: number }[] = await dataSource.query(
        'SELECT status, count(*)::int AS n FROM notifications WHERE status = ANY($1) GROUP BY status',
        [UNFINISHED],
      );
      found.push(...rows.map(({ status, n }) => `outbox: ${n} ${status}`));
    }
    return found;
  };
  try {
    await waitUntilQuiet(busy, options);
  } finally {
    await Promise.all(queues.map((queue) => queue.close()));
  }
}
