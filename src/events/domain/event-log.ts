import type { DomainEvent, EventType } from '../../kernel/domain-event.js';

/**
 * Where a page of a workspace's events starts, as the event log hands it out (`next`) and takes it
 * back (`before`): a whole number from 1 to 2^53 - 1 that means something to the event log only, and
 * only for that workspace (it reveals nothing of other workspaces' events).
 */
export type EventPageMark = number;

export interface WorkspaceEventQuery {
  workspaceId: string;
  /** Only these types (all when empty or absent). */
  types?: readonly EventType[];
  /** The previous page's `next`. */
  before?: EventPageMark;
  limit: number;
}

export interface EventPage {
  events: DomainEvent[];
  /** Where the next page starts; null on the last page. */
  next: EventPageMark | null;
}

/**
 * Port: the record of every change (the audit log), read. Events are written by the unit of work in
 * the statement of the change they describe: a change that rolls back leaves no event, and a
 * committed change always has its events (published afterwards, when publishing is set up).
 */
export abstract class EventLog {
  /** A workspace's events, newest first. */
  abstract listForWorkspace(query: WorkspaceEventQuery): Promise<EventPage>;
}
