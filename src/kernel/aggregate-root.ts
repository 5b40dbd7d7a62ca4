import type { DomainEvent } from './domain-event.js';

/**
 * An aggregate: what one change keeps consistent. It records the domain events of its changes; the
 * unit of work writes them at commit, with the aggregate's rows, in the same statement.
 */
export abstract class AggregateRoot {
  private recorded: DomainEvent[] = [];

  /** `isNew`: made by a factory, not yet stored (a restored aggregate is not new). */
  protected constructor(private unsaved: boolean) {}

  /** Not stored yet: saving it stores it as new. */
  get isNew(): boolean {
    return this.unsaved;
  }

  /** For the repository that saved it: saved again (in a later unit of work), it stores its changes. */
  markSaved(): void {
    this.unsaved = false;
  }

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
