import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, QueryFailedError, type EntityManager } from 'typeorm';

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

  /**
   * The rows of one SELECT: in the unit of work's transaction once it has begun one, otherwise straight
   * from the pool (a connection for the one statement), without the query runner TypeORM makes for
   * every statement (about a tenth of a read's CPU). Errors are the driver's, which isDatabaseUnavailable
   * reads as TypeORM's. Not for statements that write: use the unit of work.
   */
  select<T>(sql: string, params: readonly unknown[] = []): Promise<T[]> {
    const manager = this.scopes.getStore()?.manager;
    if (manager) return manager.query<T[]>(sql, [...params]);
    return this.pool.query(sql, params as unknown[]).then((result) => result.rows as T[]);
  }

  /**
   * A statement of the unit of work (its writes, see writeRows), sent as `select` sends one. A failure
   * is always TypeORM's QueryFailedError around the driver's error, as a query runner throws it
   * (databaseViolation reads it), also when the statement went straight to the pool.
   */
  write<T>(sql: string, params: readonly unknown[]): Promise<T[]> {
    return this.select<T>(sql, params).catch((error: unknown) => {
      throw error instanceof QueryFailedError ? error : new QueryFailedError(sql, [...params], error as Error);
    });
  }

  /** The driver's pool (pg's, or the embedded database's pg-compatible one). */
  private get pool(): { query(sql: string, params: unknown[]): Promise<{ rows: unknown[] }> } {
    return (this.dataSource.driver as unknown as { master: { query(sql: string, params: unknown[]): Promise<{ rows: unknown[] }> } })
      .master;
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
