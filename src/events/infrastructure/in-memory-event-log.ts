import type { DomainEvent } from '../../kernel/domain-event.js';
import { EventLog, type EventPage, type WorkspaceEventQuery } from '../domain/event-log.js';

/** For unit tests: events in recording order, numbered from 1; a page mark is that number (nothing to hide here). */
export class InMemoryEventLog extends EventLog {
  readonly recorded: DomainEvent[] = [];

  /** What the in-memory unit of work hands over at its end. */
  append(events: readonly DomainEvent[]): void {
    this.recorded.push(...events);
  }

  listForWorkspace(query: WorkspaceEventQuery): Promise<EventPage> {
    const matching = this.recorded
      .map((event, index) => ({ event, position: index + 1 }))
      .filter(({ event, position }) => event.workspaceId === query.workspaceId && (query.before === undefined || position < query.before))
      .filter(({ event }) => !query.types?.length || query.types.includes(event.type))
      .reverse();
    const page = matching.slice(0, query.limit);
    return Promise.resolve({ events: page.map(({ event }) => event), next: matching.length > query.limit ? page.at(-1)!.position : null });
  }
}
