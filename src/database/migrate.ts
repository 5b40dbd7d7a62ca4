/**
 * `npm run migration:run`: applies pending migrations to the configured database and exits.
 * The service also does this at start; this command is for deployments that migrate first.
 */
import 'reflect-metadata';
import { loadDatabaseConfig } from '../config/app-config.js';
import { loadEnvFile } from '../config/env-file.js';
import { createDataSource, runMigrations } from './data-source.js';

loadEnvFile();
const dataSource = await createDataSource(loadDatabaseConfig());
await dataSource.initialize();
try {
  const applied = await runMigrations(dataSource);
  console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations');
} finally {
  await dataSource.destroy();
}
