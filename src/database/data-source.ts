import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { DataSource, MigrationExecutor, type DataSourceOptions } from 'typeorm';
import type { PostgresDataSourceOptions } from 'typeorm/driver/postgres/PostgresDataSourceOptions.js';
import { migrations } from '../../migrations/index.js';
import type { DatabaseConfig } from '../config/app-config.js';
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { lockDataFolder } from './data-folder-lock.js';
import { PglitePool } from './pglite-pool.js';
import { GuardedPool } from './postgres-pool.js';

/** How much later than PostgreSQL's statement timeout the client gives up on an answer. */
const CLIENT_TIMEOUT_MARGIN_MS = 1_000;

type Entities = NonNullable<DataSourceOptions['entities']>;

/**
 * The one description of the database, used by the application and by the migration commands.
 * With a URL it is PostgreSQL through `pg`; without one, the embedded PGlite database. Each feature
 * module brings its own entities (the application loads them from the modules).
 */
export async function dataSourceOptions(config: DatabaseConfig, entities: Entities = []): Promise<DataSourceOptions> {
  const common: PostgresDataSourceOptions = {
    type: 'postgres',
    entities,
    migrations,
    migrationsTableName: 'migrations',
    // Schema changes happen only through migrations.
    synchronize: false,
    migrationsRun: false,
    // gen_random_uuid() is core PostgreSQL; no extension (and no superuser) is needed.
    uuidExtension: 'pgcrypto',
    installExtensions: false,
    // Query errors are not logged here: adapters translate the expected ones, the HTTP filter logs the rest.
    logging: ['warn', 'migration'],
  };
  if (config.url) {
    return {
      ...common,
      url: config.url,
      poolSize: config.poolSize,
      applicationName: 'workspaces-service',
      // Bounded waits: while the database is unreachable, requests fail fast (503) instead of piling up.
      connectTimeoutMS: config.connectTimeoutMs,
      driver: { ...pg, Pool: GuardedPool },
      extra: {
        // PostgreSQL itself ends a statement (and so its transaction) past the timeout: a 503 then
        // leaves nothing behind. The client's own limit comes later and only catches a silent network;
        // a connection it abandons is closed, never reused (GuardedPool).
        statement_timeout: config.queryTimeoutMs,
        idle_in_transaction_session_timeout: config.queryTimeoutMs,
        query_timeout: config.queryTimeoutMs + CLIENT_TIMEOUT_MARGIN_MS,
        keepAlive: true,
        idleTimeoutMillis: 30_000,
      },
    };
  }
  return { ...common, driver: { Pool: PglitePool }, extra: await openEmbeddedDatabase(config.embeddedDataDir) };
}

export async function createDataSource(config: DatabaseConfig, entities: Entities = []): Promise<DataSource> {
  return new DataSource(await dataSourceOptions(config, entities));
}

/**
 * `memory://` keeps the database in memory (tests); any other value is a folder, which this process
 * then holds (`<folder>.lock`) until the pool closes or the process ends: PGlite is one process's
 * database, and a second process on the same folder would lose acknowledged writes. PGlite is loaded
 * only here, so a service on PostgreSQL never pays for loading it at start.
 */
async function openEmbeddedDatabase(dataDir: string): Promise<{ pglite: PGlite; release?: () => void }> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (dataDir.startsWith('memory://')) return { pglite: new PGlite('memory://') };
  const path = resolve(dataDir);
  // PGlite creates its folder but not the folders above it.
  mkdirSync(dirname(path), { recursive: true });
  const release = lockDataFolder(path);
  try {
    const pglite = new PGlite(path);
    await pglite.waitReady;
    return { pglite, release };
  } catch (error) {
    release();
    throw error;
  }
}

/**
 * Applies pending migrations in one transaction on one connection, holding an advisory lock so that
 * replicas starting together migrate once. One connection matters for the embedded pool too,
 * where a second connection would wait for the first forever.
 */
export async function runMigrations(dataSource: DataSource): Promise<string[]> {
  const queryRunner = dataSource.createQueryRunner();
  try {
    // Waiting for another replica's migrations, and the migrations themselves, may outlast a request's timeout.
    await queryRunner.query('SET statement_timeout = 0');
    await queryRunner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      const executor = new MigrationExecutor(dataSource, queryRunner);
      executor.transaction = 'all';
      const applied = await executor.executePendingMigrations();
      return applied.map((migration) => migration.name);
    } finally {
      await queryRunner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      await queryRunner.query('RESET statement_timeout');
    }
  } finally {
    await queryRunner.release();
  }
}

const MIGRATION_LOCK_KEY = 724_011_901;
