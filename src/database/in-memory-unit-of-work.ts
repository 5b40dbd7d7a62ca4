import type { DomainEvent } from '../kernel/domain-event.js';
import { UnitOfWork, type Transaction } from '../kernel/unit-of-work.js';

/** What an in-memory repository stores into a unit of work: checked first, applied at its end. */
export interface InMemoryWrite {
  /** Throws the domain's error when the write would break a rule the database enforces (uniqueness). */
  check?: () => void;
  apply: () => void;
  events?: readonly DomainEvent[];
}

class InMemoryTransaction implements Transaction {
  readonly writes: InMemoryWrite[] = [];
  constructor(readonly name: string) {}
}

/** For in-memory repositories (unit tests): the counterpart of `store` on the database. */
export function storeInMemory(tx: Transaction, write: InMemoryWrite): void {
  if (!(tx instanceof InMemoryTransaction)) throw new Error(`Unit of work ${tx.name} is not an in-memory one`);
  tx.writes.push(write);
}

/**
 * The unit of work of unit tests: writes what was saved at the end, all or nothing (every check
 * before any write), and hands the events to `recordEvents` (an in-memory event log).
 */
export class InMemoryUnitOfWork extends UnitOfWork {
  constructor(private readonly recordEvents: (events: readonly DomainEvent[]) => void = () => undefined) {
    super();
  }

  async run<T>(name: string, work: (tx: Transaction) => Promise<T>): Promise<T> {
    const tx = new InMemoryTransaction(name);
    const result = await work(tx);
    for (const write of tx.writes) write.check?.();
    for (const write of tx.writes) write.apply();
    this.recordEvents(tx.writes.flatMap((write) => write.events ?? []));
    return result;
  }
}
