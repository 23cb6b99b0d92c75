import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { plainToInstance, Transform } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync } from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim() !== '' ? Number(value) : value;

/** The environment as the service reads it; every variable is documented in the README. */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV = 'development';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 3000;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/\S+$/, { message: 'must be a postgres:// URL' })
  DATABASE_URL?: string;

  @IsOptional()
  @Matches(/^rediss?:\/\/\S+$/, { message: 'must be a redis:// or rediss:// URL' })
  REDIS_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters' })
  JWT_SECRET?: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(86400)
  JWT_TTL_SECONDS = 900;

  @IsString()
  DATA_DIR = './data';

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(65535)
  EMBEDDED_PG_PORT = 54329;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Sign-in throttling (README, "Sign-in throttling"): failures one client may make for one address in the window. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_MAX_FAILURES = 5;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_WINDOW_SECONDS = 900;

  /** Failures one client may make in the window across all addresses (a shared network counts as one client). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_CLIENT_MAX_FAILURES = 20;

  /** Failures for one address from all clients in the window after which unknown clients are slowed down for it. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_SLOWDOWN_AFTER = 10;

  /** While slowed down, clients that never signed in to the address get one attempt for it per this many seconds. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  LOGIN_SLOWDOWN_SECONDS = 30;

  /** Express `trust proxy`: how many proxies stand before the API (for client addresses). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(10)
  TRUST_PROXY = 0;

  @Matches(/^[A-Za-z0-9_-]{1,32}$/, { message: 'must be 1-32 letters, digits, - or _' })
  QUEUE_PREFIX = 'vfu';

  /** The OpenAPI UI and document (/api/docs, /api/docs-json); unset: on, except in production. */
  @IsOptional()
  @IsIn(['true', 'false'])
  API_DOCS?: string;

  /** `true`: the web pages' templates are read and compiled again on every page (while editing them). */
  @IsOptional()
  @IsIn(['true', 'false'])
  TEMPLATE_RELOAD?: string;

  /** Where people reach the service; links in e-mails point here. */
  @IsOptional()
  @Matches(/^https?:\/\/[^\s/]+(\/\S*)?$/, { message: 'must be an http:// or https:// URL' })
  PUBLIC_URL?: string;

  /** Outgoing mail server; without it (outside production) mail is written to DATA_DIR/outbox-mail. */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'must be an smtp:// or smtps:// URL' })
  SMTP_URL?: string;

  @Matches(/^(.*<[^<>@\s]+@[^<>@\s]+>|[^<>@\s]+@[^<>@\s]+)$/, {
    message: 'must be an address, optionally with a name: "Name <a@b.se>"',
  })
  MAIL_FROM = 'VFU-samordningen Stockholms stad <vfu@stockholm.se>';

  /** The sender organisation, named in every e-mail. */
  @IsString()
  @MinLength(1)
  MAIL_ORGANISATION = 'Stockholms stad, Socialförvaltningen';

  /** How recipients reach the central coordinator, printed in every e-mail. */
  @IsString()
  @MinLength(1)
  COORDINATOR_CONTACT = 'den centrala VFU-samordnaren, vfu.socialforvaltningen@stockholm.se';

  /** Delivery attempts of one e-mail before it is marked failed. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  MAIL_MAX_ATTEMPTS = 8;

  /** First retry delay of a failed delivery; it doubles with each attempt. */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  MAIL_BACKOFF_MS = 30_000;

  /** How often a worker looks for undelivered e-mail whose job is missing (after a queue outage). */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  OUTBOX_SWEEP_MS = 15_000;

  /**
   * A delivery still marked as sending after this long was cut off mid-send (a worker died):
   * it may have been delivered, so it is set aside as unconfirmed instead of being re-sent.
   */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  MAIL_SENDING_LEASE_MS = 300_000;

  /**
   * How long a job's lock lasts unrenewed, and how often workers look for jobs whose worker died
   * (BullMQ's stalled check) and for allocation runs whose job is gone.
   */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  JOB_STALL_CHECK_MS = 30_000;

  /** On SIGTERM or SIGINT, how long in-flight requests and jobs may take before the process stops anyway. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600_000)
  SHUTDOWN_TIMEOUT_MS = 10_000;

  /** Months after a term is closed before its students' personal data is removed. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(120)
  STUDENT_RETENTION_MONTHS = 12;

  /** Days a delivered or failed e-mail (with the names it carried) is kept in the outbox. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3650)
  NOTIFICATION_RETENTION_DAYS = 90;
}

export class ConfigError extends Error {}

export type QueueBackend = 'redis' | 'postgres';

/** Resolved configuration, shared by the API, the worker, the CLI and the TypeORM CLI. */
export class AppConfig {
  readonly env: EnvironmentVariables;
  readonly dataDir: string;

  constructor(env: EnvironmentVariables) {
    this.env = env;
    this.dataDir = resolve(env.DATA_DIR);
  }

  get isProduction(): boolean {
    return this.env.NODE_ENV === 'production';
  }

  get apiDocs(): boolean {
    return this.env.API_DOCS === undefined ? !this.isProduction : this.env.API_DOCS === 'true';
  }

  get templateReload(): boolean {
    return this.env.TEMPLATE_RELOAD === 'true';
  }

  get embeddedDatabase(): boolean {
    return !this.env.DATABASE_URL;
  }

  get embeddedDatabaseUrl(): string {
    return `postgres://postgres:postgres@127.0.0.1:${this.env.EMBEDDED_PG_PORT}/vfu`;
  }

  get databaseUrl(): string {
    return this.env.DATABASE_URL ?? this.embeddedDatabaseUrl;
  }

  get publicUrl(): string {
    return (this.env.PUBLIC_URL ?? `http://localhost:${this.env.PORT}`).replace(/\/+$/, '');
  }

  /** Without SMTP_URL, e-mail is written as .eml files here instead of being sent. */
  get mailFolder(): string {
    return join(this.dataDir, 'outbox-mail');
  }

  get queueBackend(): QueueBackend {
    return this.env.REDIS_URL ? 'redis' : 'postgres';
  }

  /**
   * Outside production a missing JWT_SECRET is generated once and kept in the data folder,
   * so sign-ins survive a restart of the embedded default.
   */
  get jwtSecret(): string {
    if (this.env.JWT_SECRET) return this.env.JWT_SECRET;
    const file = join(this.dataDir, 'jwt-secret');
    if (!existsSync(file)) {
      mkdirSync(this.dataDir, { recursive: true });
      writeFileSync(file, randomBytes(48).toString('base64url'), { flag: 'wx', mode: 0o600 });
      chmodSync(file, 0o600);
    }
    return readFileSync(file, 'utf8').trim();
  }
}

/** Validates the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.keys(new EnvironmentVariables());
  const present = Object.fromEntries(
    Object.entries(source).filter(([key, value]) => known.includes(key) && value !== undefined && value !== ''),
  );
  const env = plainToInstance(EnvironmentVariables, present, { exposeDefaultValues: true });
  const problems = validateSync(env, { whitelist: false }).map(
    (error) => `${error.property}: ${Object.values(error.constraints ?? {}).join('; ')}`,
  );
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
    problems.push('JWT_SECRET: is required when NODE_ENV=production');
  }
  // In production an e-mail written to a local folder would never reach anyone.
  if (env.NODE_ENV === 'production' && !env.SMTP_URL) {
    problems.push('SMTP_URL: is required when NODE_ENV=production');
  }
  if (problems.length > 0) {
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  return new AppConfig(env);
}
