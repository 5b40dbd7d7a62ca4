import type { DomainEvent, EventType } from '../../kernel/domain-event.js';
import { EventOrmEntity } from './event.orm-entity.js';

export const EventMapper = {
  toDomain(row: EventOrmEntity): DomainEvent {
    return {
      id: row.id,
      type: row.type as EventType,
      occurredAt: row.occurredAt,
      workspaceId: row.workspaceId,
      actor: { userId: row.actorUserId, accessTokenId: row.actorAccessTokenId },
      data: row.data as Record<string, unknown>,
    };
  },

  /** Without the position: the database numbers events as they are recorded. */
  toPersistence(event: DomainEvent): EventOrmEntity {
    const row = new EventOrmEntity();
    row.id = event.id;
    row.type = event.type;
    row.occurredAt = event.occurredAt;
    row.workspaceId = event.workspaceId;
    row.actorUserId = event.actor.userId;
    row.actorAccessTokenId = event.actor.accessTokenId;
    row.data = event.data;
    return row;
  },
};
