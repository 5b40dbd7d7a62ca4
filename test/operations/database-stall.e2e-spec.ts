import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { bearer } from '../support/test-auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { openTestDataSource, usesPostgres } from '../support/test-database.js';
import { addMember, createWorkspace, newUserId } from '../support/workspace-fixtures.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const QUERY_TIMEOUT_MS = 1_000;
const CONNECT_TIMEOUT_MS = 1_000;

interface Outcome {
  kind: 'create' | 'add' | 'remove';
  status: number;
  ms: number;
  name?: string;
  key?: string;
  id?: string;
  retryAfter?: unknown;
}

// A real lock held by another session past the statement timeout; PGlite has one session only.
(usesPostgres() ? describe : describe.skip)('A database stall (a table locked past the statement timeout)', () => {
  let t: TestApp;
  let direct: DataSource;

  beforeAll(async () => {
    direct = await openTestDataSource();
    t = await startTestApp({
      DATABASE_QUERY_TIMEOUT_MS: String(QUERY_TIMEOUT_MS),
      DATABASE_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
    });
  });
  afterAll(async () => {
    await t.close();
    await direct.destroy();
  });

  /** The service's own pooled connections that PostgreSQL sees inside a transaction while idle. */
  const idleInTransaction = async (): Promise<number> => {
    const pool = (t.dataSource.driver as unknown as { master: { _clients: { processID?: number }[] } }).master;
    const pids = pool._clients.map((client) => client.processID).filter((pid): pid is number => typeof pid === 'number');
    const [row] = await direct.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE pid = ANY($1) AND state LIKE 'idle in transaction%'`,
      [pids],
    );
    return row.n;
  };

  it('answers 503 within the timeouts, leaves nothing behind, keeps every 2xx, and answers normally at once afterwards', async () => {
    const owner = newUserId('stall-owner');
    const auth = await bearer(owner, { expiresIn: 600 });
    const workspace = await createWorkspace(t, owner);
    const removable = await Promise.all(
      Array.from({ length: 4 }, (_, i) => addMember(t, owner, workspace.id, newUserId(`leaver${i}`), 'ROLE_WORKSPACE_MEMBER')),
    );

    const outcomes: Outcome[] = [];
    const timed = async (outcome: Omit<Outcome, 'status' | 'ms'>, send: () => ReturnType<TestApp['request']>) => {
      const started = Date.now();
      const response = await send();
      const done: Outcome = { ...outcome, status: response.status, ms: Date.now() - started, retryAfter: response.headers['retry-after'] };
      if (response.status === 201 || response.status === 200) done.id = response.body.id;
      if (response.status >= 500) expect(response.body).toEqual({ detail: 'The database is unavailable; try again later' });
      outcomes.push(done);
    };
    const create = (i: number, key?: string) => {
      const name = `stall ${i} ${randomUUID()}`;
      return timed({ kind: 'create', name, key }, () =>
        t.request({
          method: 'POST',
          url: '/api/v1/workspaces',
          headers: { ...auth, ...(key ? { 'idempotency-key': key } : {}) },
          body: { name, billingAccountEmail: 'b@example.com' },
        }),
      );
    };

    // Another session takes the tables and keeps them for three statement timeouts.
    const locker = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await locker.connect();
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE workspaces, workspace_memberships IN ACCESS EXCLUSIVE MODE');
    const during = Promise.all([
      ...Array.from({ length: 16 }, (_, i) => create(i, i % 2 === 0 ? `stall-key-${randomUUID()}` : undefined)),
      ...Array.from({ length: 6 }, (_, i) =>
        timed({ kind: 'add', key: `stall-add-${randomUUID()}` }, async () =>
          t.request({
            method: 'POST',
            url: '/api/v1/workspace-memberships',
            headers: auth,
            body: { workspaceId: workspace.id, userId: newUserId(`joiner${i}`) },
          }),
        ),
      ),
      ...removable.map((membershipId) =>
        timed({ kind: 'remove', id: membershipId }, () =>
          t.request({ method: 'DELETE', url: `/api/v1/workspace-memberships/${membershipId}`, headers: auth }),
        ),
      ),
    ]);
    await sleep(3 * QUERY_TIMEOUT_MS);
    await locker.query('COMMIT');
    await locker.end();
    await during;

    const unavailable = outcomes.filter((o) => o.status === 503);
    expect(unavailable.length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => ![200, 201, 204, 503].includes(o.status))).toEqual([]);
    for (const o of unavailable) {
      expect(o.retryAfter).toBe('1');
      // Waiting for a connection, then one statement: never a second timeout for the ROLLBACK.
      expect(o.ms).toBeLessThan(CONNECT_TIMEOUT_MS * 2 + QUERY_TIMEOUT_MS + 1_500);
    }

    // At once afterwards: normal answers, each of them stored.
    const after: string[] = [];
    for (let i = 0; i < 20; i++) {
      const response = await t.request({
        method: 'POST',
        url: '/api/v1/workspaces',
        headers: auth,
        body: { name: `after ${i}`, billingAccountEmail: 'b@example.com' },
      });
      expect(response.status).toBe(201);
      after.push(response.body.id);
    }
    const storedAfter = await direct.query(`SELECT count(*)::int AS n FROM workspaces WHERE id = ANY($1)`, [after]);
    expect(storedAfter[0].n).toBe(20);
    expect(await idleInTransaction()).toBe(0);

    // Every 2xx is in the database; every 503 without a key left nothing behind.
    for (const o of outcomes.filter((x) => x.kind === 'create')) {
      const rows = await direct.query(`SELECT id FROM workspaces WHERE name = $1`, [o.name]);
      if (o.status === 201) expect(rows).toEqual([{ id: o.id }]);
      else if (!o.key) expect(rows).toEqual([]);
    }
    for (const o of outcomes.filter((x) => x.kind === 'add' && x.status === 200)) {
      expect(await direct.query(`SELECT id FROM workspace_memberships WHERE id = $1`, [o.id])).toHaveLength(1);
    }
    for (const o of outcomes.filter((x) => x.kind === 'remove')) {
      const rows = await direct.query(`SELECT id FROM workspace_memberships WHERE id = $1`, [o.id]);
      expect(rows).toHaveLength(o.status === 204 ? 0 : 1);
    }
    // A 503 with a key: its retry gets what was committed, or runs now; either way exactly one workspace.
    for (const o of outcomes.filter((x) => x.kind === 'create' && x.key && x.status === 503)) {
      const retry = await t.request({
        method: 'POST',
        url: '/api/v1/workspaces',
        headers: { ...auth, 'idempotency-key': o.key! },
        body: { name: o.name, billingAccountEmail: 'b@example.com' },
      });
      expect(retry.status).toBe(201);
      expect(await direct.query(`SELECT id FROM workspaces WHERE name = $1`, [o.name])).toEqual([{ id: retry.body.id }]);
    }
    expect(await idleInTransaction()).toBe(0);
  }, 60_000);
});
