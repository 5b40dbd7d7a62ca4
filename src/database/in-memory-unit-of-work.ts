import type { AggregateRoot } from '../kernel/aggregate-root.js';
import type { DomainEvent } from '../kernel/domain-event.js';
import { UnitOfWork, type Transaction } from '../kernel/unit-of-work.js';

/** What an in-memory repository stores into a unit of work: applied at its end, in order. */
export interface InMemoryWrite {
  /** The aggregate written: its recorded events are taken now, and it is marked saved once the unit of work is. */
  aggregate?: AggregateRoot;
  /** Throws the domain's error when the write would break a rule the database enforces (uniqueness). */
  check?: () => void;
  /** Applies the write; returns what undoes it. */
  apply: () => () => void;
  events?: readonly DomainEvent[];
}

class InMemoryTransaction implements Transaction {
  readonly writes: InMemoryWrite[] = [];
  constructor(readonly name: string) {}
}

/** For in-memory repositories (unit tests): the counterpart of `store` on the database. */
export function storeInMemory(tx: Transaction, write: InMemoryWrite): void {
  if (!(tx instanceof InMemoryTransaction)) throw new Error(`Unit of work ${tx.name} is not an in-memory one`);
  tx.writes.push({ ...write, events: [...(write.aggregate?.pullEvents() ?? []), ...(write.events ?? [])] });
}

/** Sets (or, with `undefined`, deletes) a map's entry; returns what puts the previous one back. */
export function setEntry<K, V>(map: Map<K, V>, key: K, value: V | undefined): () => void {
  const had = map.has(key);
  const previous = map.get(key);
  if (value === undefined) map.delete(key);
  else map.set(key, value);
  return () => {
    if (had) map.set(key, previous as V);
    else map.delete(key);
  };
}

/**
 * The unit of work of unit tests: writes what was saved at the end, each write checked against what
 * the ones before it wrote, all or nothing (a refused write undoes the others), and hands the events
 * to `recordEvents` (an in-memory event log).
 */
export class InMemoryUnitOfWork extends UnitOfWork {
  constructor(private readonly recordEvents: (events: readonly DomainEvent[]) => void = () => undefined) {
    super();
  }

  async run<T>(name: string, work: (tx: Transaction) => Promise<T>): Promise<T> {
    const tx = new InMemoryTransaction(name);
    const result = await work(tx);
    const undo: (() => void)[] = [];
    try {
      for (const write of tx.writes) {
        write.check?.();
        undo.push(write.apply());
      }
    } catch (error) {
      for (const step of undo.reverse()) step();
      throw error;
    }
    for (const write of tx.writes) write.aggregate?.markSaved();
    this.recordEvents(tx.writes.flatMap((write) => write.events ?? []));
    return result;
  }
}
