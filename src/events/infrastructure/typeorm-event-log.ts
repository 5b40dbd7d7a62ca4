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
    const builder = this.db.manager
      .createQueryBuilder(EventOrmEntity, 'e')
      .where('e.workspace_id = :workspaceId', { workspaceId: query.workspaceId })
      .orderBy('e.position', 'DESC')
      .limit(query.limit + 1);
    if (query.types?.length) builder.andWhere('e.type IN (:...types)', { types: query.types });
    if (query.before !== undefined) builder.andWhere('e.position < :before', { before: marks.position(query.workspaceId, query.before) });
    const rows = await builder.getMany();
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
