import type { DomainEvent } from '../../kernel/domain-event.js';

/** The outbox topic of events to publish. */
export const EVENT_TOPIC = 'event';
/** The CloudEvents `source` of every event. */
export const EVENT_SOURCE = 'workspaces-service';
/**
 * Stands for the workspace of events that belong to none (user access tokens): their subject is
 * `<prefix>.users.<type>`, and they are published in one order of their own.
 */
export const NO_WORKSPACE = 'users';

/** A CloudEvents 1.0 event in the JSON format. */
export interface CloudEvent {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  subject?: string;
  time: string;
  datacontenttype: 'application/json';
  data: Record<string, unknown>;
}

/** An event as the outbox holds it until it is published: where it goes, and what. */
export interface EventMessage {
  subject: string;
  event: CloudEvent;
}

/**
 * The published form of an event: the CloudEvent's `data` carries the workspace and the actor first,
 * then the event's own data (the audit log shows the same fields as `workspaceId`, `actor` and `data`).
 */
export function eventMessage(event: DomainEvent, subjectPrefix: string): EventMessage {
  return {
    subject: `${subjectPrefix}.${event.workspaceId ?? NO_WORKSPACE}.${event.type}`,
    event: {
      specversion: '1.0',
      id: event.id,
      source: EVENT_SOURCE,
      type: event.type,
      ...(event.workspaceId === null ? {} : { subject: event.workspaceId }),
      time: event.occurredAt.toISOString(),
      datacontenttype: 'application/json',
      data: { workspaceId: event.workspaceId, actor: event.actor, ...event.data },
    },
  };
}
