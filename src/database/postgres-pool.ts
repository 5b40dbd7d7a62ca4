import pg from 'pg';

type Release = (err?: Error | boolean) => void;
type ConnectCallback = (err: Error | undefined, client: pg.PoolClient | undefined, release: Release) => void;

/**
 * pg's pool, handed to TypeORM's postgres driver, that takes a connection back only when PostgreSQL
 * last said it is idle outside a transaction and nothing sent on it is still unanswered. Any other
 * connection is closed instead of reused: after a query abandoned by the client (`query_timeout`), a
 * failed ROLLBACK or a dropped answer, its state is unknown, and reusing it would run the next
 * request inside a transaction that will never commit, with its locks still held.
 */
export class GuardedPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: ConnectCallback): void;
  override connect(callback?: ConnectCallback): Promise<pg.PoolClient> | void {
    if (!callback) {
      return new Promise((resolve, reject) => this.connect((err, client) => (err ? reject(err) : resolve(client!))));
    }
    super.connect((err, client, release) => {
      if (err || !client) return callback(err ?? new Error('no connection'), client, release);
      const guarded: Release = (error) => release(error || unsafeToReuse(client));
      client.release = guarded;
      callback(undefined, client, guarded);
    });
  }
}

/** Why a connection must not go back to the pool, or undefined when it is clean. */
export function unsafeToReuse(client: pg.ClientBase): Error | undefined {
  const state = client as unknown as { readyForQuery?: boolean; getTransactionStatus?: () => string | null };
  if (state.readyForQuery === false) return new Error('a query on this connection is still unanswered');
  const status = state.getTransactionStatus?.();
  // 'I': idle; 'T': in a transaction; 'E': in a failed transaction; null: never answered.
  if (status !== 'I') return new Error(`this connection was left in transaction state ${String(status)}`);
  return undefined;
}
