/**
 * The data source for the TypeORM CLI (`npm run migration:show`, `migration:revert`,
 * `migration:generate`): the configured database (DATABASE_URL, else the embedded one in DATA_DIR)
 * with every module's entities and the project's migrations.
 */
import 'reflect-metadata';
import { loadDatabaseConfig } from './config/app-config.js';
import { loadEnvFile } from './config/env-file.js';
import { createDataSource } from './database/data-source.js';
import { ormEntities } from './orm-entities.js';

loadEnvFile();

export default createDataSource(loadDatabaseConfig(), ormEntities);
