import type { WorkerOptions } from 'bullmq';
import type { RedisOptions } from 'ioredis';
import { AppConfig } from '../config/app-config';

// BullMQ's own back-off grows to 20 s between attempts, so the queue stayed away long after Redis was back.
const REDIS_RECONNECT_MAX_MS = 1_000;

/** ioredis's delay before reconnect attempt `attempt`: 200 ms, 400 ms, … then every second. */
export function redisReconnectDelay(attempt: number): number {
  return Math.min(attempt * 200, REDIS_RECONNECT_MAX_MS);
}

/**
 * BullMQ's connection: ioredis options for Redis, or a pg config for the PostgreSQL backend.
 * Every queue, worker and health check of the service connects with these.
 */
export function queueConnection(
  config: AppConfig,
): RedisOptions | { connectionString: string; schema: string; migrate: true } {
  if (config.queueBackend === 'postgres') {
    return { connectionString: config.databaseUrl, schema: 'bullmq', migrate: true };
  }
  const url = new URL(config.env.REDIS_URL!);
  return {
    host: url.hostname,
    port: Number(url.port || 6379),
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    db: url.pathname.length > 1 ? Number(url.pathname.slice(1)) : 0,
    tls: url.protocol === 'rediss:' ? {} : undefined,
    // BullMQ workers need blocking commands to wait indefinitely.
    maxRetriesPerRequest: null,
    retryStrategy: redisReconnectDelay,
  };
}

/**
 * The options every worker is created with. @nestjs/bullmq takes them only from the @Processor
 * decorator, which runs before the configuration is read: each processor passes this object, and
 * JobsModule fills it in (`configureWorkers`) before any worker is created.
 */
export const WORKER_OPTIONS: Omit<WorkerOptions, 'connection'> = {};

export function configureWorkers(config: AppConfig): void {
  Object.assign(WORKER_OPTIONS, {
    // After a lost connection a worker asks for jobs again this soon (BullMQ waits 15 s).
    runRetryDelay: REDIS_RECONNECT_MAX_MS,
    // A job whose worker died is taken up again (or failed, the second time) after about this long.
    lockDuration: config.env.JOB_STALL_CHECK_MS,
    stalledInterval: config.env.JOB_STALL_CHECK_MS,
  } satisfies Partial<WorkerOptions>);
}
