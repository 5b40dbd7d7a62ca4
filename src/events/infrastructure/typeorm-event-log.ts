import { Injectable } from '@nestjs/common';
import { Database } from '../../database/database.js';
import { EventLog, type EventPage, type WorkspaceEventQuery } from '../domain/event-log.js';
import { EventPageMarks } from './event-page-mark.js';
import { EventMapper } from './event.mapper.js';
import { EventOrmEntity } from './event.orm-entity.js';

@Injectable()
export class TypeOrmEventLog extends EventLog {
  private marks?: Promise<EventPageMarks>;

  constructor(private readonly db: Database) {
    super();
  }

  /** Keyset pagination on (workspace_id[, type], position): every page costs the same. */
  async listForWorkspace(query: WorkspaceEventQuery): Promise<EventPage> {
    const marks = await this.pageMarks();
    // Plain SQL: the query builder cost more CPU than the rest of the request.
    const params: unknown[] = [query.workspaceId, query.limit + 1];
    const types = query.types?.length ? ` AND type = ANY($${params.push(query.types)}::text[])` : '';
    const before = query.before !== undefined ? ` AND position < $${params.push(marks.position(query.workspaceId, query.before))}` : '';
    const rows = await this.db.select<EventOrmEntity>(
      `SELECT position, id, type, occurred_at AS "occurredAt", workspace_id AS "workspaceId", actor_user_id AS "actorUserId",
              actor_access_token_id AS "actorAccessTokenId", data
         FROM events WHERE workspace_id = $1${types}${before} ORDER BY position DESC LIMIT $2`,
      params,
    );
    const page = rows.slice(0, query.limit);
    return {
      events: page.map((row) => EventMapper.toDomain(row)),
      next: rows.length > query.limit ? marks.mark(query.workspaceId, Number(page.at(-1)!.position)) : null,
    };
  }

  /** The key of the page marks, made by the migrations: read once, and again after a failure. */
  private pageMarks(): Promise<EventPageMarks> {
    this.marks ??= this.db.manager
      .query<{ key: Buffer }[]>(`SELECT key FROM event_page_mark_key WHERE id = 1`)
      .then(([row]) => new EventPageMarks(Buffer.from(row.key)));
    this.marks.catch(() => (this.marks = undefined));
    return this.marks;
  }
}
