import { EventEmitter } from 'node:events';
import type { PGlite } from '@electric-sql/pglite';

/**
 * A pg-compatible pool over one embedded PGlite instance, handed to TypeORM's postgres driver.
 *
 * PGlite is a single session. If two "connections" shared it freely, one request's ROLLBACK would
 * discard another request's writes. So a connection holds the whole database exclusively from
 * `connect()` to `release()`: transactions are serialised, never interleaved. The consequence is
 * that code must never open a second connection while it holds one (it would wait forever): all
 * work of a transaction goes through that transaction's EntityManager.
 */
export class PglitePool extends EventEmitter {
  private readonly db: PGlite;
  /** Gives back the data folder this process holds (none in memory). */
  private readonly releaseFolder: () => void;
  private queue: Promise<void> = Promise.resolve();
  private waiting = 0;
  private active = false;
  private ended = false;

  constructor(options: { pglite: PGlite; release?: () => void }) {
    super();
    this.db = options.pglite;
    this.releaseFolder = options.release ?? (() => undefined);
  }

  get totalCount(): number {
    return 1;
  }
  get idleCount(): number {
    return this.active ? 0 : 1;
  }
  get waitingCount(): number {
    return this.waiting;
  }

  connect(): Promise<PgliteClient>;
  connect(callback: (err: Error | undefined, client?: PgliteClient, release?: (err?: unknown) => void) => void): void;
  connect(
    callback?: (err: Error | undefined, client?: PgliteClient, release?: (err?: unknown) => void) => void,
  ): Promise<PgliteClient> | void {
    const acquired = this.acquire();
    if (!callback) return acquired;
    acquired.then(
      (client) => callback(undefined, client, () => void client.release()),
      (err: Error) => callback(err),
    );
  }

  /** A query outside any transaction: takes the database for one statement. */
  async query(text: string, params?: unknown[]): Promise<PgliteQueryResult> {
    const client = await this.acquire();
    try {
      return await client.query(text, params);
    } finally {
      await client.release();
    }
  }

  end(callback?: (err?: Error) => void): Promise<void> | void {
    this.ended = true;
    const closing = this.queue.then(() => this.db.close()).finally(this.releaseFolder);
    if (!callback) return closing;
    closing.then(
      () => callback(),
      (err: Error) => callback(err),
    );
  }

  private async acquire(): Promise<PgliteClient> {
    if (this.ended) throw new Error('The embedded database pool has been closed');
    let unlock!: () => void;
    const previous = this.queue;
    this.queue = new Promise<void>((resolve) => (unlock = resolve));
    this.waiting++;
    await previous;
    this.waiting--;
    this.active = true;
    return new PgliteClient(this.db, () => {
      this.active = false;
      unlock();
    });
  }
}

export interface PgliteQueryResult {
  rows: unknown[];
  rowCount: number;
  command: string;
  fields: { name: string; dataTypeID: number }[];
}

export class PgliteClient extends EventEmitter {
  private released = false;
  private inTransaction = false;

  constructor(
    private readonly db: PGlite,
    private readonly unlock: () => void,
  ) {
    super();
  }

  async query(text: string, params?: unknown[]): Promise<PgliteQueryResult> {
    if (this.released) throw new Error('Query on a released embedded database connection');
    const result = await this.db.query(text, params ?? []);
    const command = (result.command ?? firstKeyword(text)).toUpperCase();
    if (command === 'BEGIN' || command === 'START') this.inTransaction = true;
    if (command === 'COMMIT' || command === 'ROLLBACK') this.inTransaction = false;
    return {
      rows: result.rows,
      rowCount: result.rowCount ?? result.affectedRows ?? result.rows.length,
      command,
      fields: result.fields,
    };
  }

  /** Gives the database back; a transaction left open by a failed caller is rolled back first. */
  async release(): Promise<void> {
    if (this.released) return;
    this.released = true;
    try {
      if (this.inTransaction) await this.db.query('ROLLBACK');
    } finally {
      this.unlock();
    }
  }
}

function firstKeyword(sql: string): string {
  return /^\s*([a-z]+)/i.exec(sql)?.[1] ?? '';
}
