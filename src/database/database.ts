import { AsyncLocalStorage } from 'node:async_hooks';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';

/**
 * What repositories use instead of the DataSource: the EntityManager of the transaction the current
 * call runs in, if any. That lets a unit of work that spans several repository calls (an idempotent
 * request) commit or roll back as one, and keeps every query of a transaction on its connection
 * (which the embedded database's exclusive pool requires).
 */
@Injectable()
export class Database {
  private readonly current = new AsyncLocalStorage<EntityManager>();

  constructor(private readonly dataSource: DataSource) {}

  get manager(): EntityManager {
    return this.current.getStore() ?? this.dataSource.manager;
  }

  /** Runs `work` in a new transaction, or as part of the one this call already runs in. */
  async transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const open = this.current.getStore();
    if (open) return work(open);
    return this.dataSource.transaction((manager) => this.current.run(manager, () => work(manager)));
  }
}
