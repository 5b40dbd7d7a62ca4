import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, type QueryRunner } from 'typeorm';
import type { AggregateRoot } from '../kernel/aggregate-root.js';
import type { DomainEvent } from '../kernel/domain-event.js';
import { UnitOfWork, type Transaction } from '../kernel/unit-of-work.js';
import { databaseViolation } from './database-errors.js';
import { Database, type QueryScope } from './database.js';
import { writeRows, type InsertGuard, type RowBatch, type RowStatement } from './row-statements.js';

/** What a repository stores into a unit of work for one aggregate: written at its end, with the rest. */
export interface PendingWrite {
  /** The aggregate whose rows these are: its recorded events are taken now, and it is marked saved once written. */
  aggregate?: AggregateRoot;
  /** Updates and deletes of the aggregate's rows. */
  statements?: readonly RowStatement[];
  /** Its new rows. */
  batches?: readonly RowBatch[];
  /** Events besides the aggregate's: their audit-log and outbox rows go into the same statement. */
  events?: readonly DomainEvent[];
  /** Nothing is written unless this holds; else `refused()` is thrown. */
  guard?: InsertGuard & { refused: () => Error };
  /** The domain's error for a violation of this aggregate's constraints, if it is one. */
  translate?: (violation: { code: string; constraint?: string }) => Error | undefined;
}

/** Port of the unit of work towards the event log: the rows that record events (audit log, outbox). */
export abstract class EventRows {
  abstract rows(events: readonly DomainEvent[]): RowBatch[];
}

/** In-process listeners told of the events of every unit of work once it has committed. */
@Injectable()
export class CommittedEvents {
  private readonly listeners: ((events: readonly DomainEvent[]) => void)[] = [];

  listen(listener: (events: readonly DomainEvent[]) => void): void {
    this.listeners.push(listener);
  }

  notify(events: readonly DomainEvent[]): void {
    if (events.length > 0) for (const listener of this.listeners) listener(events);
  }
}

/**
 * One unit of work's database scope: no transaction until something must be read under a lock
 * (`begin`), so that a change which only writes (creating a workspace) is its one statement, atomic by
 * itself, with no BEGIN and COMMIT around it.
 */
class Scope implements QueryScope {
  manager?: EntityManager;
  private runner?: QueryRunner;
  /** The events written so far, for the listeners once the scope commits. */
  readonly events: DomainEvent[] = [];

  constructor(private readonly dataSource: DataSource) {}

  async begin(): Promise<EntityManager> {
    if (this.manager) return this.manager;
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.connect();
      await runner.startTransaction();
    } catch (error) {
      await runner.release();
      throw error;
    }
    this.runner = runner;
    this.manager = runner.manager;
    return runner.manager;
  }

  async end(commit: boolean): Promise<void> {
    const runner = this.runner;
    if (!runner) return;
    this.runner = undefined;
    try {
      if (commit) await runner.commitTransaction();
      else if (!runner.isReleased && runner.isTransactionActive) await runner.rollbackTransaction();
    } finally {
      await runner.release();
    }
  }
}

class TypeOrmTransaction implements Transaction {
  readonly writes: PendingWrite[] = [];

  constructor(
    readonly name: string,
    readonly scope: Scope,
  ) {}
}

function typeOrm(tx: Transaction): TypeOrmTransaction {
  if (!(tx instanceof TypeOrmTransaction)) throw new Error(`Unit of work ${tx.name} is not a database one`);
  return tx;
}

/** For repositories: stores an aggregate's rows and events into the unit of work, written at its end. */
export function store(tx: Transaction, write: PendingWrite): void {
  const events = [...(write.aggregate?.pullEvents() ?? []), ...(write.events ?? [])];
  typeOrm(tx).writes.push({ ...write, events });
}

/**
 * For repositories: the unit of work's transaction, begun now if it was not, to read under a lock
 * (SELECT ... FOR UPDATE) that holds until the unit of work ends.
 */
export function lockingManager(tx: Transaction): Promise<EntityManager> {
  return typeOrm(tx).scope.begin();
}

/**
 * The unit of work on the database. Every write of a use case goes through it: what the use case saved
 * is written by `flush`, in one statement (updates and deletes as CTEs, then every insert: the
 * aggregates' rows, their events' audit-log rows and outbox messages), or two when an update must
 * come before an insert into its table.
 */
@Injectable()
export class TypeOrmUnitOfWork extends UnitOfWork {
  constructor(
    private readonly dataSource: DataSource,
    private readonly db: Database,
    private readonly eventRows: EventRows,
    private readonly committed: CommittedEvents,
  ) {
    super();
  }

  async run<T>(name: string, work: (tx: Transaction) => Promise<T>): Promise<T> {
    const outer = this.db.currentScope();
    if (outer instanceof Scope) {
      const tx = new TypeOrmTransaction(name, outer);
      const result = await work(tx);
      await this.flush(tx);
      return result;
    }
    const scope = new Scope(this.dataSource);
    return this.db.within(scope, async () => {
      let committed = false;
      try {
        const tx = new TypeOrmTransaction(name, scope);
        const result = await work(tx);
        await this.flush(tx);
        await scope.end(true);
        committed = true;
        this.committed.notify(scope.events);
        return result;
      } finally {
        if (!committed) await scope.end(false);
      }
    });
  }

  private async flush(tx: TypeOrmTransaction): Promise<void> {
    const { writes } = tx;
    if (writes.length === 0) return;
    const events = writes.flatMap((write) => write.events ?? []);
    const guards = writes.filter((write) => write.guard !== undefined).map((write) => write.guard!);
    if (guards.length > 1) throw new Error(`Unit of work ${tx.name}: one guard at most`);
    const [guard] = guards;
    const batches = [...writes.flatMap((write) => write.batches ?? []), ...this.eventRows.rows(events)];
    const statements = writes.flatMap((write) => write.statements ?? []);
    // The parts of one statement run in no set order: an update of a table that also gets rows (an
    // expired invitation closed before its address is invited again) must be done before them.
    const inserted =
      statements.length === 0
        ? new Set<string>()
        : new Set(batches.filter((b) => b.rows.length > 0).map((b) => this.dataSource.getMetadata(b.target).tableName));
    const first = statements.filter((statement) => inserted.has(statement.table));
    const query = (sql: string, params: readonly unknown[]) => this.db.write(sql, params);
    try {
      if (first.length > 0) {
        await tx.scope.begin();
        await writeRows(this.dataSource, query, { statements: first, batches: [] });
      }
      const written = await writeRows(this.dataSource, query, {
        statements: statements.filter((statement) => !inserted.has(statement.table)),
        batches,
        guard,
      });
      if (!written) throw guard.refused();
    } catch (error) {
      const violation = databaseViolation(error);
      const translated = violation && writes.map((write) => write.translate?.(violation)).find((found) => found !== undefined);
      throw translated ?? error;
    }
    tx.scope.events.push(...events);
    for (const write of writes) write.aggregate?.markSaved();
    writes.length = 0;
  }
}
