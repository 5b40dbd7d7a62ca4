import type { DomainEvent } from '../domain/domain-event.js';
import { EventLog, type EventPage, type WorkspaceEventQuery } from '../application/event-log.js';

/** For unit tests: events in recording order, numbered from 1; a page mark is that number (nothing to hide here). */
export class InMemoryEventLog extends EventLog {
  readonly recorded: DomainEvent[] = [];

  record(events: readonly DomainEvent[]): Promise<void> {
    this.recorded.push(...events);
    return Promise.resolve();
  }

  async recordWith<T>(events: readonly DomainEvent[], change: () => Promise<T>): Promise<T> {
    const result = await change();
    await this.record(events);
    return result;
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
