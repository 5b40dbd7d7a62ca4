import type { DataSource } from 'typeorm';
import type { DatabaseConfig } from '../../src/config/app-config.js';
import { createDataSource, runMigrations } from '../../src/database/data-source.js';
import { ormEntities } from '../../src/orm-entities.js';

/**
 * Tests run against real PostgreSQL when TEST_DATABASE_URL is set, else against an in-memory
 * embedded database. A database whose name does not contain "test" is refused: tests write to it.
 */
export function testDatabaseConfig(): DatabaseConfig {
  const url = process.env.TEST_DATABASE_URL;
  const timeouts = { connectTimeoutMs: 2_000, queryTimeoutMs: 5_000 };
  if (!url) return { embeddedDataDir: 'memory://', poolSize: 1, ...timeouts };
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name.toLowerCase().includes('test')) {
    throw new Error(`Refusing to run tests against "${name}": TEST_DATABASE_URL must name a database whose name contains "test"`);
  }
  return { url, embeddedDataDir: 'memory://', poolSize: 10, ...timeouts };
}

export const usesPostgres = (): boolean => Boolean(process.env.TEST_DATABASE_URL);

/** A migrated data source for repository tests. */
export async function openTestDataSource(): Promise<DataSource> {
  const dataSource = await createDataSource(testDatabaseConfig(), ormEntities);
  await dataSource.initialize();
  await runMigrations(dataSource);
  return dataSource;
}
