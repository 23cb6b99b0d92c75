import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { parseArgs } from 'node:util';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from './audit/audit.service';
import { AuditEntry } from './audit/entities/audit-entry.entity';
import { AppError } from './common/errors/app-error';
import { toFieldProblems } from './common/errors/validation';
import { dataSourceOptions } from './database/data-source';
import { startEmbeddedPostgres } from './database/embedded-postgres';
import { toolConfig } from './database/embedded-registry';
import { runMigrations } from './database/migrate';
import { OutboxService } from './notifications/outbox.service';
import { District } from './districts/entities/district.entity';
import { University } from './universities/entities/university.entity';
import { CreateUserDto } from './users/dto/create-user.dto';
import { UserResponse } from './users/dto/user.response';
import { User } from './users/entities/user.entity';
import { UsersService } from './users/users.service';

const USAGE = `Usage:
  npm run cli -- create-user --email E --name N --role coordinator|district_contact|university_coordinator --password P
                 [--district <district id or code>] [--university <university id or code>]

Creates the user, or resets the password of an existing one. Same configuration as the server
(DATABASE_URL, or the embedded default: the PostgreSQL a running server uses, whatever its port
and data folder, else the one in DATA_DIR).`;

/** Accepts an id or a code, so a first contact can be created without looking ids up. */
async function resolveId(manager: EntityManager, entity: typeof District | typeof University, value?: string) {
  if (!value) return undefined;
  const found = await manager.findOne(entity, {
    where: /^[0-9a-f-]{36}$/i.test(value) ? { id: value } : { code: value },
  });
  return found?.id ?? value;
}

async function createUser(args: Record<string, string | undefined>): Promise<number> {
  const config = toolConfig();
  const embedded = config.embeddedDatabase
    ? await startEmbeddedPostgres(config, (m) => process.stderr.write(`${m}\n`))
    : null;
  const dataSource = new DataSource(dataSourceOptions(config.databaseUrl));
  try {
    await runMigrations(config.databaseUrl);
    await dataSource.initialize();
    const dto = plainToInstance(CreateUserDto, {
      email: args.email,
      name: args.name,
      role: args.role,
      password: args.password,
      districtId: await resolveId(dataSource.manager, District, args.district),
      universityId: await resolveId(dataSource.manager, University, args.university),
    });
    const problems = toFieldProblems(await validate(dto));
    if (problems.length) {
      process.stderr.write(`Invalid input:\n${problems.map((p) => `  --${p.field}: ${p.message}`).join('\n')}\n`);
      return 2;
    }
    const users = new UsersService(
      dataSource,
      dataSource.getRepository(User),
      new AuditService(dataSource.getRepository(AuditEntry)),
      new OutboxService(dataSource, config),
    );
    const { user, created } = await users.createOrResetPassword(dto);
    process.stdout.write(`${created ? 'Created' : 'Reset the password of'} ${user.role} ${user.email}\n`);
    process.stdout.write(`${JSON.stringify(UserResponse.of(user))}\n`);
    return 0;
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await embedded?.stop();
  }
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2);
  if (command !== 'create-user') {
    process.stderr.write(`${USAGE}\n`);
    return command === undefined || command === '--help' ? 0 : 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: Object.fromEntries(
      ['email', 'name', 'role', 'password', 'district', 'university'].map((name) => [
        name,
        { type: 'string' as const },
      ]),
    ),
    strict: true,
  });
  return createUser(values);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const details =
      error instanceof AppError && error.details
        ? error.details.map((d) => `\n  --${d.field}: ${d.message}`).join('')
        : '';
    // The usage helps with a wrong argument, not with a database that does not answer.
    const usage =
      error instanceof AppError || String((error as { code?: unknown })?.code).startsWith('ERR_PARSE_ARGS')
        ? `\n${USAGE}`
        : '';
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}${details}${usage}\n`);
    process.exit(1);
  },
);
