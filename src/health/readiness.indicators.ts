import { Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { DataSource } from 'typeorm';
import { EventPublishing } from '../kernel/event-publishing.js';
import { ShutdownState } from './shutdown-state.js';

const PING_TIMEOUT_MS = 1_000;

/**
 * What readiness checks: the database answers, every migration is applied, and not shutting down; with
 * the state of event publishing as details that never make it fail.
 */
@Injectable()
export class ReadinessIndicators {
  constructor(
    private readonly dataSource: DataSource,
    private readonly shutdown: ShutdownState,
    private readonly indicators: HealthIndicatorService,
    private readonly events: EventPublishing,
  ) {}

  /** `SELECT 1` within a second. */
  async databaseAnswers(): Promise<HealthIndicatorResult<'database'>> {
    const check = this.indicators.check('database');
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('timeout')), PING_TIMEOUT_MS))),
      ]);
      return check.up({ responseTime: Date.now() - started });
    } catch (error) {
      return check.down({ message: error instanceof Error ? error.message : 'unknown', responseTime: Date.now() - started });
    } finally {
      clearTimeout(timer);
    }
  }

  async migrationsApplied(): Promise<HealthIndicatorResult<'migrations'>> {
    const check = this.indicators.check('migrations');
    try {
      return (await this.dataSource.showMigrations()) ? check.down({ message: 'pending migrations' }) : check.up();
    } catch (error) {
      return check.down({ message: error instanceof Error ? error.message : 'unknown' });
    }
  }

  /**
   * Never down: with NATS unreachable the service still works and events wait. The details say whether
   * events are published, how many wait, and the last error.
   */
  async eventPublishing(): Promise<HealthIndicatorResult<'events'>> {
    const check = this.indicators.check('events');
    try {
      return check.up({ ...(await this.events.report()) });
    } catch (error) {
      return check.up({ ...this.events.status(), backlog: null, message: error instanceof Error ? error.message : 'unknown' });
    }
  }

  accepting(): HealthIndicatorResult<'lifecycle'> {
    const check = this.indicators.check('lifecycle');
    return this.shutdown.isShuttingDown ? check.down({ message: 'shutting down' }) : check.up();
  }
}
