import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config.js';
import type { RowBatch } from '../../database/row-statements.js';
import { TypeOrmOutbox } from '../../outbox/infrastructure/typeorm-outbox.js';
import type { DomainEvent } from '../domain/domain-event.js';
import { EVENT_TOPIC, eventMessage, NO_WORKSPACE } from './cloud-event.js';
import { EventMapper } from './event.mapper.js';
import { EventOrmEntity } from './event.orm-entity.js';

/**
 * The rows that record events: the audit log's and, when events are published (NATS_URL), one outbox
 * message each, ordered by workspace. Written by TypeOrmEventLog, or by a repository in the single
 * statement of its change (creating a workspace).
 */
@Injectable()
export class EventRecords {
  constructor(
    private readonly outbox: TypeOrmOutbox,
    private readonly config: AppConfig,
  ) {}

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
