import { randomBytes } from 'node:crypto';
import { databaseUrl, onServer } from './test-database';

/**
 * One migrated template database per test run; each test file clones it (CREATE DATABASE ...
 * TEMPLATE), so files are isolated and start from the seeded reference data.
 */
export default async function globalSetup(): Promise<void> {
  const runId = randomBytes(3).toString('hex');
  const template = `vfu_test_${runId}_template`;
  await onServer((client) => client.query(`CREATE DATABASE "${template}"`));
  // The compiled migrations (npm test builds first) are what production runs.
  const { runMigrations } = require('../../dist/database/migrate') as typeof import('../../src/database/migrate');
  await runMigrations(databaseUrl(template));
  process.env.VFU_TEST_RUN = runId;
  process.env.VFU_TEST_TEMPLATE = template;
}
