import type { RedisOptions } from 'ioredis';
import { AppConfig } from '../config/app-config';

/** BullMQ's connection: ioredis options for Redis, or a pg config for the PostgreSQL backend. */
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
  };
}
