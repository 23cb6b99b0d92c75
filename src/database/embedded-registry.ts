import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppConfig, loadConfig } from '../config/app-config';

/** An embedded PostgreSQL that a running service started: where its data is and where it listens. */
export interface RunningEmbedded {
  dataDir: string;
  port: number;
}

/** Where each running service notes its embedded PostgreSQL, so a CLI started elsewhere finds it. */
const registryDir = () => join(tmpdir(), 'vfu-embedded-postgres');

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else (PostgreSQL runs as `postgres` under root).
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The embedded PostgreSQL running on `dataDir`, read from the `postmaster.pid` PostgreSQL keeps
 * in its data folder (pid on the first line, port on the fourth), whatever port it was given.
 */
export function runningIn(dataDir: string): RunningEmbedded | undefined {
  let lines: string[];
  try {
    lines = readFileSync(join(dataDir, 'postgres', 'postmaster.pid'), 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0 || !alive(pid)) return undefined;
  return { dataDir, port };
}

/** Notes a started embedded PostgreSQL; `forget` removes the note when it stops. */
export function register(server: RunningEmbedded): { forget: () => void } {
  const file = join(registryDir(), `${server.port}.json`);
  try {
    mkdirSync(registryDir(), { recursive: true });
    writeFileSync(file, JSON.stringify({ ...server, pid: process.pid }));
  } catch {
    // Only a convenience for the CLI: a read-only temporary folder must not stop the service.
  }
  return { forget: () => rmSync(file, { force: true }) };
}

/** Every noted embedded PostgreSQL that still runs (notes of servers that died are skipped). */
export function registered(): RunningEmbedded[] {
  let files: string[];
  try {
    files = readdirSync(registryDir()).filter((name) => name.endsWith('.json'));
  } catch {
    return [];
  }
  const dataDirs = files.flatMap((name) => {
    try {
      return [(JSON.parse(readFileSync(join(registryDir(), name), 'utf8')) as RunningEmbedded).dataDir];
    } catch {
      return [];
    }
  });
  return [...new Set(dataDirs)].flatMap((dataDir) => runningIn(dataDir) ?? []);
}

/**
 * The embedded PostgreSQL a command-line tool should use: the one running on its own data folder
 * (on whatever port), else, when no data folder was asked for, the one a service runs elsewhere.
 * Undefined when none runs; an error naming them when several do.
 */
export function findRunningEmbedded(dataDir: string, dataDirChosen: boolean): RunningEmbedded | undefined {
  const own = runningIn(dataDir);
  if (own || dataDirChosen) return own;
  const others = registered();
  if (others.length > 1) {
    throw new Error(
      `Several services run an embedded PostgreSQL; choose one with DATA_DIR: ${others.map((o) => o.dataDir).join(', ')}`,
    );
  }
  return others[0];
}

/**
 * The configuration for a tool run beside the service (the CLI, the TypeORM CLI): the same as the
 * service's, pointed at the embedded PostgreSQL a service already runs, if one does.
 */
export function toolConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const config = loadConfig(env);
  if (!config.embeddedDatabase) return config;
  const running = findRunningEmbedded(config.dataDir, Boolean(env.DATA_DIR));
  if (!running) return config;
  return loadConfig({ ...env, DATA_DIR: running.dataDir, EMBEDDED_PG_PORT: String(running.port) });
}
