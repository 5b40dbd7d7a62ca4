import { Injectable, Logger } from '@nestjs/common';
import { PeriodicCleanup } from '../../common/periodic-cleanup.js';
import { AppConfig } from '../../config/app-config.js';
import { Database } from '../../database/database.js';

/** How often each replica removes the events past their retention. */
export const EVENT_CLEANUP_INTERVAL_MS = 60 * 60_000;
/** Rows deleted per statement, so that a large backlog never holds long locks. */
const BATCH = 5_000;

/** Removes the audit log's events older than EVENTS_RETENTION_DAYS: at start, then every hour. */
@Injectable()
export class EventRetention extends PeriodicCleanup {
  protected readonly description = 'remove expired events';
  protected readonly intervalMs = EVENT_CLEANUP_INTERVAL_MS;
  protected readonly logger = new Logger('Events');

  constructor(
    private readonly db: Database,
    private readonly config: AppConfig,
  ) {
    super();
  }

  protected async cleanUp(): Promise<string | undefined> {
    const removed = await this.removeExpired();
    return removed > 0 ? `Removed ${removed} events older than ${this.config.events.retentionDays} days` : undefined;
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
}
