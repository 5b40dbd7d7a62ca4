import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AppConfig } from '../config/app-config.js';
import { Database } from './database.js';
import { dataSourceOptions, runMigrations } from './data-source.js';

const START_ATTEMPTS = 3;

/** Connects at start and applies pending migrations before the service takes requests. */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      // A database that cannot be reached at start: three tries a second apart, then the start fails
      // (an orchestrator restarts it), instead of Nest's default of ten tries three seconds apart.
      useFactory: async (config: AppConfig) => ({
        ...(await dataSourceOptions(config.database)),
        // Each feature module registers its entities with TypeOrmModule.forFeature.
        autoLoadEntities: true,
        retryAttempts: START_ATTEMPTS,
        retryDelay: 1_000,
        verboseRetryLog: true,
      }),
      dataSourceFactory: async (options) => {
        const dataSource = await new DataSource(options!).initialize();
        await runMigrations(dataSource);
        return dataSource;
      },
    }),
  ],
  providers: [Database],
  exports: [Database],
})
export class DatabaseModule {}
