import 'reflect-metadata';
import { INestApplication, INestApplicationContext } from '@nestjs/common';
import type { Server } from 'node:http';
import { ProcessRole } from './app.module';
import { createHttpApp, createWorkerApp } from './bootstrap';
import { AppConfig, ConfigError, loadConfig } from './config/app-config';
import { HttpDrain } from './common/http/http-drain';
import { startEmbeddedPostgres } from './database/embedded-postgres';
import { runMigrations } from './database/migrate';
import { Shutdown } from './shutdown';

const say = (message: string) =>
  process.stdout.write(`${JSON.stringify({ level: 30, time: Date.now(), msg: message })}\n`);

function parseRole(argument: string | undefined): ProcessRole {
  if (argument === undefined || argument === 'all') return 'all';
  if (argument === 'api' || argument === 'worker') return argument;
  throw new ConfigError(`Unknown process role "${argument}": use api, worker or nothing (both)`);
}

async function start(role: ProcessRole, config: AppConfig): Promise<INestApplicationContext> {
  const shutdown = new Shutdown(config.env.SHUTDOWN_TIMEOUT_MS, say);
  if (config.embeddedDatabase)
    shutdown.embedded = await startEmbeddedPostgres(config, say, { leaveSignalsToCaller: true });
  const applied = await runMigrations(config.databaseUrl);
  if (applied.length) say(`Applied migrations: ${applied.join(', ')}`);

  const app = role === 'worker' ? await createWorkerApp(config) : await createHttpApp(config, role);
  shutdown.app = app;
  if (role !== 'worker') shutdown.http = new HttpDrain((app as INestApplication).getHttpServer() as Server);

  if (role !== 'worker') {
    const http = app as Awaited<ReturnType<typeof createHttpApp>>;
    await http.listen(config.env.PORT);
    const url = `http://localhost:${config.env.PORT}`;
    say(`VFU service (${role}) listening on ${url}/api — OpenAPI UI at ${url}/api/docs`);
    say(`Web interface (in Swedish) at ${url}/ — sign in with a user made by the command below`);
  } else {
    say('VFU worker running jobs');
  }
  say(
    `Database: ${config.embeddedDatabase ? `embedded PostgreSQL in ${config.dataDir}/postgres` : 'DATABASE_URL'}; ` +
      `queue backend: ${config.queueBackend === 'redis' ? 'Redis (REDIS_URL)' : 'PostgreSQL (schema bullmq)'}`,
  );
  say(
    config.env.SMTP_URL
      ? 'E-mail: sent through SMTP_URL'
      : `E-mail: no SMTP_URL, so messages are written as .eml files to ${config.mailFolder} instead of being sent`,
  );
  say(
    'First user: npm run cli -- create-user --email you@example.se --name "Your Name" --role coordinator --password "<at least 10 characters>"',
  );
  return app;
}

async function main(): Promise<void> {
  try {
    await start(parseRole(process.argv[2]), loadConfig());
  } catch (error) {
    process.stderr.write(
      `${error instanceof ConfigError ? error.message : ((error as Error)?.stack ?? String(error))}\n`,
    );
    process.exit(1);
  }
}

void main();
