import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/** Where the queries of one unit of work go: its transaction's EntityManager once it has begun one. */
export interface QueryScope {
  manager?: EntityManager;
}

/**
 * What repositories use instead of the DataSource. Inside a unit of work that has begun its
 * transaction, queries go to that transaction's connection: its reads see its locks, and the embedded
 * database's exclusive pool (one connection) is never asked for a second one.
 */
@Injectable()
export class Database {
  private readonly scopes = new AsyncLocalStorage<QueryScope>();

  constructor(private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.scopes.getStore()?.manager ?? this.dataSource.manager;
  }

  /** The unit of work the current call runs in, if any. */
  currentScope(): QueryScope | undefined {
    return this.scopes.getStore();
  }

  /** Runs `work` with its queries in `scope` (see UnitOfWork). */
  within<T>(scope: QueryScope, work: () => Promise<T>): Promise<T> {
    return this.scopes.run(scope, work);
  }

  /** A transaction of its own for infrastructure work outside any unit of work (claiming outbox messages). */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }
}
