import type { DomainEvent, EventType } from '../domain/domain-event.js';

/** Where a page of a workspace's events starts: after the event with this position (newest first). */
export type EventPosition = number;

export interface WorkspaceEventQuery {
  workspaceId: string;
  /** Only these types (all when empty or absent). */
  types?: readonly EventType[];
  /** The position of the last event of the previous page. */
  before?: EventPosition;
  limit: number;
}

export interface RecordedEvent {
  event: DomainEvent;
  position: EventPosition;
}

export interface EventPage {
  events: RecordedEvent[];
  /** Where the next page starts; null on the last page. */
  next: EventPosition | null;
}

/**
 * Port: the record of every change (the audit log), and the way events leave the service. record()
 * runs inside the transaction of the change it describes: a change that rolls back leaves no event,
 * and a committed change always has its events (published afterwards, when publishing is set up).
 */
export abstract class EventLog {
  abstract record(events: readonly DomainEvent[]): Promise<void>;

  /** Runs `change` and records its events in one transaction (for a change not already in one). */
  abstract recordWith<T>(events: readonly DomainEvent[], change: () => Promise<T>): Promise<T>;

  /** A workspace's events, newest first. */
  abstract listForWorkspace(query: WorkspaceEventQuery): Promise<EventPage>;
}
