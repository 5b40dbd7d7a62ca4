import { Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import { Database } from '../../database/database.js';

/** How often each replica removes the events past their retention. */
export const EVENT_CLEANUP_INTERVAL_MS = 60 * 60_000;
/** Rows deleted per statement, so that a large backlog never holds long locks. */
const BATCH = 5_000;

/** Removes the audit log's events older than EVENTS_RETENTION_DAYS: at start, then every hour. */
@Injectable()
export class EventRetention implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Events');
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;

  constructor(
    private readonly db: Database,
    private readonly config: AppConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** The number of events removed. */
  async removeExpired(): Promise<number> {
    let removed = 0;
    for (;;) {
      const [, count] = await this.db.manager.query<[unknown, number]>(
        `DELETE FROM events WHERE position IN (
           SELECT position FROM events WHERE occurred_at < now() - $1 * interval '1 day' LIMIT $2)`,
        [this.config.events.retentionDays, BATCH],
      );
      removed += count;
      if (count < BATCH) return removed;
    }
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.running = this.removeExpired()
        .then((removed) => removed > 0 && this.logger.log(`Removed ${removed} events older than ${this.config.events.retentionDays} days`))
        .catch((error: unknown) => this.logger.warn(`Cannot remove expired events (${String(error)}); trying again later`))
        .finally(() => {
          this.running = undefined;
          if (this.timer) this.schedule(EVENT_CLEANUP_INTERVAL_MS);
        });
    }, delayMs);
    this.timer.unref();
  }
}
