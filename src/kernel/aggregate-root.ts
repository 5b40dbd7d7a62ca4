import type { DomainEvent } from './domain-event.js';

/**
 * An aggregate: what one change keeps consistent. It records the domain events of its changes; the
 * unit of work writes them at commit, with the aggregate's rows, in the same statement.
 */
export abstract class AggregateRoot {
  private recorded: DomainEvent[] = [];

  protected record(...events: DomainEvent[]): void {
    this.recorded.push(...events);
  }

  /** The events recorded since the last call (the unit of work takes them when it stores the aggregate). */
  pullEvents(): DomainEvent[] {
    const events = this.recorded;
    this.recorded = [];
    return events;
  }
}
