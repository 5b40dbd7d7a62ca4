import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { ShutdownState } from './shutdown-state.js';

/** Readiness beyond the database ping: every migration applied, and not shutting down. */
@Injectable()
export class ReadinessIndicators {
  constructor(
    private readonly dataSource: DataSource,
    private readonly shutdown: ShutdownState,
    private readonly indicators: HealthIndicatorService,
  ) {}

  async migrationsApplied(): Promise<HealthIndicatorResult<'migrations'>> {
    const check = this.indicators.check('migrations');
    try {
      return (await this.dataSource.showMigrations()) ? check.down({ message: 'pending migrations' }) : check.up();
    } catch (error) {
      return check.down({ message: error instanceof Error ? error.message : 'unknown' });
    }
  }

  accepting(): HealthIndicatorResult<'lifecycle'> {
    const check = this.indicators.check('lifecycle');
    return this.shutdown.isShuttingDown ? check.down({ message: 'shutting down' }) : check.up();
  }
}
