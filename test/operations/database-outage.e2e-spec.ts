import { randomUUID } from 'node:crypto';
import { bearer } from '../support/test-auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { openTestDataSource, usesPostgres } from '../support/test-database.js';
import { TcpProxy } from '../support/tcp-proxy.js';
import type { DataSource } from 'typeorm';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The outage is a real network cut between the service and PostgreSQL; the embedded database has no network.
(usesPostgres() ? describe : describe.skip)('PostgreSQL outage (TCP proxy cut and restored under load)', () => {
  let proxy: TcpProxy;
  let t: TestApp;
  let direct: DataSource;

  beforeAll(async () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    proxy = await TcpProxy.start({ host: url.hostname, port: Number(url.port || 5432) });
    const viaProxy = new URL(url);
    viaProxy.hostname = '127.0.0.1';
    viaProxy.port = String(proxy.port);
    direct = await openTestDataSource();
    t = await startTestApp({
      DATABASE_URL: viaProxy.toString(),
      DATABASE_CONNECT_TIMEOUT_MS: '800',
      DATABASE_QUERY_TIMEOUT_MS: '1500',
    });
  });
  afterAll(async () => {
    await t.close();
    await proxy.close();
    await direct.destroy();
  });

  it('fails fast with 503 while cut, reports not ready, recovers by itself, and loses nothing acknowledged', async () => {
    const user = `outage-${randomUUID()}`;
    const headers = await bearer(user);
    const results: { status: number; id?: string; ms: number; phase: string }[] = [];
    let phase = 'before';
    let running = true;

    const worker = async () => {
      while (running) {
        const started = Date.now();
        const response = await t.request({
          method: 'POST',
          url: '/api/v1/workspaces',
          headers,
          body: { name: `outage ${results.length}`, billingAccountEmail: 'b@example.com' },
        });
        results.push({ status: response.status, id: response.body?.id, ms: Date.now() - started, phase });
        if (response.status === 503) expect(response.body).toEqual({ detail: 'The database is unavailable; try again later' });
      }
    };
    const load = Promise.all(Array.from({ length: 4 }, worker));

    await sleep(400);
    proxy.cut();
    phase = 'cut';
    await sleep(2_500);
    const readyDuringCut = await t.request({ method: 'GET', url: '/health/ready' });
    const liveDuringCut = await t.request({ method: 'GET', url: '/health/live' });
    proxy.restore();
    phase = 'restored';

    let readyAgain = false;
    for (let i = 0; i < 50 && !readyAgain; i++) {
      readyAgain = (await t.request({ method: 'GET', url: '/health/ready' })).status === 200;
      if (!readyAgain) await sleep(200);
    }
    await sleep(500);
    running = false;
    await load;

    expect(readyDuringCut.status).toBe(503);
    expect(readyDuringCut.body).toMatchObject({ error: { database: { status: 'down' } } });
    expect(liveDuringCut.status).toBe(200);
    expect(readyAgain).toBe(true);

    // Only 201 or 503: never a 500, never a hang.
    expect(new Set(results.map((r) => r.status))).toEqual(new Set([201, 503]));
    const during = results.filter((r) => r.phase === 'cut');
    expect(during.some((r) => r.status === 503)).toBe(true);
    expect(Math.max(...during.map((r) => r.ms))).toBeLessThan(4_000);
    expect(results.filter((r) => r.phase === 'before' && r.status === 201).length).toBeGreaterThan(0);
    expect(results.filter((r) => r.phase === 'restored' && r.status === 201).length).toBeGreaterThan(0);

    // Everything acknowledged is stored, owner included.
    const acknowledged = results.filter((r) => r.status === 201).map((r) => r.id!);
    const stored = await direct.query(
      `SELECT w.id FROM workspaces w JOIN workspace_memberships m ON m.workspace_id = w.id WHERE m.user_id = $1`,
      [user],
    );
    const storedIds = new Set(stored.map((row: { id: string }) => row.id));
    expect(acknowledged.filter((id) => !storedIds.has(id))).toEqual([]);
  }, 60_000);
});
