import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import type { RowBatch } from '../../database/row-statements.js';
import { EventRows } from '../../database/typeorm-unit-of-work.js';
import { Outbox } from '../../outbox/domain/outbox.js';
import type { DomainEvent } from '../../kernel/domain-event.js';
import { EVENT_TOPIC, eventMessage, NO_WORKSPACE } from './cloud-event.js';
import { EventMapper } from './event.mapper.js';
import { EventOrmEntity } from './event.orm-entity.js';

/**
 * The rows that record events: the audit log's and, when events are published (NATS_URL), one outbox
 * message each, ordered by workspace: the unit of work writes them in the statement of the change.
 */
@Injectable()
export class EventRecords extends EventRows {
  constructor(
    private readonly outbox: Outbox,
    private readonly config: AppConfig,
  ) {
    super();
  }

  rows(events: readonly DomainEvent[]): RowBatch[] {
    const batches: RowBatch[] = [{ target: EventOrmEntity, rows: events.map((event) => EventMapper.toPersistence(event)) }];
    const { natsUrl, subjectPrefix } = this.config.events;
    if (natsUrl !== undefined) {
      const messages = events.map((event) => ({
        payload: eventMessage(event, subjectPrefix),
        // Events of no workspace share one key: they too go out in order, never given up on.
        orderingKey: event.workspaceId ?? NO_WORKSPACE,
      }));
      batches.push(this.outbox.rows(EVENT_TOPIC, messages));
    }
    return batches;
  }
}
