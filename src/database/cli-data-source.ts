import { DataSource } from 'typeorm';
import { dataSourceOptions } from './data-source';
import { toolConfig } from './embedded-registry';

// For the TypeORM CLI (`npm run migration:*`) only: same configuration as the service (and its
// running embedded PostgreSQL). Kept apart so that importing the options does not read the
// environment as a side effect.
export default new DataSource(dataSourceOptions(toolConfig().databaseUrl));
