import { DataSource } from 'typeorm';
import { loadConfig } from '../config/app-config';
import { dataSourceOptions } from './data-source';

// For the TypeORM CLI (`npm run migration:*`) only: same configuration as the service. Kept
// apart so that importing the options does not read the environment as a side effect.
export default new DataSource(dataSourceOptions(loadConfig().databaseUrl));
