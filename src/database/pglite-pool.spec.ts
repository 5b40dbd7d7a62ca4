import { PGlite } from '@electric-sql/pglite';
import { PglitePool } from './pglite-pool.js';

describe('PglitePool', () => {
  let pool: PglitePool;

  beforeAll(async () => {
    pool = new PglitePool({ pglite: new PGlite('memory://') });
    await pool.query('CREATE TABLE items (id int PRIMARY KEY)');
  });
  afterAll(async () => {
    await pool.end();
  });

  it('keeps concurrent transactions apart: each commit and each rollback affects only its own rows', async () => {
    await Promise.all(
      Array.from({ length: 50 }, async (_, i) => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          await client.query('INSERT INTO items (id) VALUES ($1)', [i]);
          await new Promise((resolve) => setTimeout(resolve, i % 3));
          await client.query(i % 2 === 0 ? 'COMMIT' : 'ROLLBACK');
        } finally {
          await client.release();
        }
      }),
    );
    const { rows } = await pool.query('SELECT id FROM items ORDER BY id');
    expect(rows.map((row) => (row as { id: number }).id)).toEqual(Array.from({ length: 25 }, (_, i) => i * 2));
  });

  it('rolls back a transaction that its holder released without ending it', async () => {
    const client = await pool.connect();
    await client.query('BEGIN');
    await client.query('INSERT INTO items (id) VALUES (1000)');
    await client.release();
    const { rows } = await pool.query('SELECT count(*)::int AS n FROM items WHERE id = 1000');
    expect(rows).toEqual([{ n: 0 }]);
  });

  it('reports rowCount and command like pg', async () => {
    const result = await pool.query('UPDATE items SET id = id WHERE id < 10');
    expect(result.command).toBe('UPDATE');
    expect(result.rowCount).toBe(5);
  });

  it('supports the callback form TypeORM uses', async () => {
    const rows = await new Promise<unknown[]>((resolve, reject) =>
      pool.connect((err, client, release) => {
        if (err || !client || !release) return reject(err ?? new Error('no client'));
        client.query('SELECT 1 AS one').then((r) => {
          release();
          resolve(r.rows);
        }, reject);
      }),
    );
    expect(rows).toEqual([{ one: 1 }]);
  });
});
