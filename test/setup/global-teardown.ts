import { onServer } from './test-database';

export default async function globalTeardown(): Promise<void> {
  const runId = process.env.VFU_TEST_RUN;
  if (!runId) return;
  await onServer(async (client) => {
    const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
      `vfu_test_${runId}_%`,
    ]);
    for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  });
}
