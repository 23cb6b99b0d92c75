import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { createHttpApp } from '../../src/bootstrap';
import { AppConfig, loadConfig } from '../../src/config/app-config';
import { databaseUrl, onServer } from '../setup/test-database';

export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export interface TestApp {
  app: INestApplication;
  config: AppConfig;
  dataSource: DataSource;
  http: () => ReturnType<typeof request>;
  /** Listens on a free port on loopback (for a browser); returns the base URL. */
  listen(): Promise<string>;
  close(): Promise<void>;
}

/** A fresh database cloned from the run's migrated template, for one test file. */
export async function createTestDatabase(): Promise<string> {
  const name = `vfu_test_${process.env.VFU_TEST_RUN}_${randomBytes(4).toString('hex')}`;
  await onServer((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${process.env.VFU_TEST_TEMPLATE}"`));
  return databaseUrl(name);
}

export function testConfig(overrides: Record<string, string | undefined> = {}): AppConfig {
  return loadConfig({
    NODE_ENV: 'test',
    JWT_SECRET: randomBytes(32).toString('hex'),
    QUEUE_PREFIX: `t${randomBytes(4).toString('hex')}`,
    LOG_LEVEL: 'silent',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'vfu-test-')),
    ...overrides,
  });
}

/**
 * The service as production builds it (API and worker in one, or the API alone), on Redis
 * unless told otherwise.
 */
export async function startTestApp(
  options: { queue?: 'redis' | 'postgres'; env?: Record<string, string>; role?: 'all' | 'api' } = {},
): Promise<TestApp> {
  const config = testConfig({
    DATABASE_URL: await createTestDatabase(),
    REDIS_URL: options.queue === 'postgres' ? undefined : TEST_REDIS_URL,
    ...options.env,
  });
  const app = await createHttpApp(config, options.role ?? 'all');
  await app.init();
  const server = app.getHttpServer();
  return {
    app,
    config,
    dataSource: app.get(DataSource),
    http: () => request(server),
    listen: async () => {
      await app.listen(0, '127.0.0.1');
      return `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    },
    close: () => app.close(),
  };
}
