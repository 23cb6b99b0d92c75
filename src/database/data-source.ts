import { join } from 'node:path';
import { DataSourceOptions } from 'typeorm';
import { SnakeNamingStrategy } from './snake-naming.strategy';

// Compiled, this file sits in dist/database and the migrations in dist/migrations;
// under Jest it runs from src/database and the migrations are the TypeScript sources.
const compiled = __filename.endsWith('.js');

/** The one set of TypeORM options, used by the service, the CLI, the tests and the TypeORM CLI. */
export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: [join(__dirname, '..', '**', `*.entity.${compiled ? 'js' : 'ts'}`)],
    migrations: [
      compiled ? join(__dirname, '..', 'migrations', '*.js') : join(__dirname, '..', '..', 'migrations', '*.ts'),
    ],
    migrationsTableName: 'migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    // gen_random_uuid() is built into PostgreSQL 13+; no extension to install.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    extra: { max: 10, application_name: 'vfu' },
    // A connection (new, or free in the pool) not had within this long fails the request as a 503, instead of hanging it.
    connectTimeoutMS: 10_000,
  };
}
