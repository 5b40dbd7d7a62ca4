import pg from 'pg';
import { GuardedPool } from './postgres-pool.js';

const url = process.env.TEST_DATABASE_URL;
/** The PostgreSQL backend behind a pooled connection. */
const pidOf = (client: pg.PoolClient) => (client as unknown as { processID: number }).processID;

// Needs a second PostgreSQL session to hold a lock; the embedded database has one session only.
(url ? describe : describe.skip)('GuardedPool', () => {
  it('closes a connection whose query the client abandoned instead of handing it out again', async () => {
    const pool = new GuardedPool({ connectionString: url, max: 1, query_timeout: 200 });
    const locker = new pg.Client({ connectionString: url });
    await locker.connect();
    try {
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE pg_class IN SHARE ROW EXCLUSIVE MODE');

      const first = await pool.connect();
      const firstPid = pidOf(first);
      await first.query('BEGIN');
      // Blocked by the lock; the client gives up after 200 ms while PostgreSQL still runs it.
      await expect(first.query('CREATE TEMP TABLE abandoned (id int)')).rejects.toThrow('Query read timeout');
      first.release();

      const second = await pool.connect();
      expect(pidOf(second)).not.toBe(firstPid);
      await locker.query('ROLLBACK');
      // A clean connection, outside any transaction.
      expect((await second.query('SELECT now() = statement_timestamp() AS outside')).rows).toEqual([{ outside: true }]);
      second.release();

      const third = await pool.connect();
      expect(pidOf(third)).toBe(pidOf(second));
      third.release();
    } finally {
      await locker.end();
      await pool.end();
    }
  });

  it('closes a connection handed back inside a transaction', async () => {
    const pool = new GuardedPool({ connectionString: url, max: 1 });
    try {
      const first = await pool.connect();
      const firstPid = pidOf(first);
      await first.query('BEGIN');
      first.release();
      const second = await pool.connect();
      expect(pidOf(second)).not.toBe(firstPid);
      second.release();
    } finally {
      await pool.end();
    }
  });
});
