import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { bearerToken } from '../support/test-auth.js';
import { openTestDataSource, usesPostgres } from '../support/test-database.js';
import { startServiceProcess, type ServiceProcess } from '../support/service-process.js';
import { TcpProxy } from '../support/tcp-proxy.js';

const LOST = 'Lost the connection that hears token revocations';
const BACK = 'Listening for token revocations again';

// The cache (opt-in) is used on PostgreSQL only (it needs LISTEN/NOTIFY between replicas).
(usesPostgres() ? describe : describe.skip)('Access-token cache when revocations cannot be heard', () => {
  let service: ServiceProcess;
  let db: DataSource;

  beforeAll(async () => {
    service = await startServiceProcess({ ACCESS_TOKEN_CACHE_SECONDS: '60' });
    db = await openTestDataSource();
  }, 60_000);
  afterAll(async () => {
    service.child.kill('SIGTERM');
    await service.exited;
    await db.destroy();
  });

  /** Waits until the process has logged `text`. */
  async function untilLogged(process: ServiceProcess, text: string, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!process.output.join('').includes(text)) {
      if (Date.now() > deadline) throw new Error(`not logged within ${timeoutMs} ms: ${text}\n${process.output.join('')}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }
  const api = async (user: string, method: string, path: string, body?: unknown) => {
    const response = await fetch(`${service.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${await bearerToken(user)}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };

  it('forgets every token when its listening connection is lost, and remembers again once it is back', async () => {
    const owner = `cache-${randomUUID()}`;
    const workspace = await api(owner, 'POST', '/api/v1/workspaces', { name: 'cache', billingAccountEmail: 'b@example.com' });
    const tokens = `/api/v1/workspaces/${workspace.body.id}/access-tokens`;
    const first = await api(owner, 'POST', tokens, { name: 'first' });
    const withToken = (secret: string) =>
      fetch(`${service.url}/api/v1/workspaces/${workspace.body.id}`, {
        headers: { authorization: `Basic ${Buffer.from(secret).toString('base64')}` },
      }).then((r) => r.status);
    expect([await withToken(first.body.tokenString), await withToken(first.body.tokenString)]).toEqual([200, 200]);

    // Cut this process's listening connection, then delete the token while nobody listens.
    const [listener] = await db.query(`SELECT pid FROM pg_stat_activity WHERE application_name = $1`, [
      `workspaces-service token revocations (pid ${service.child.pid})`,
    ]);
    expect(listener).toBeDefined();
    await db.query('SELECT pg_terminate_backend($1)', [listener.pid]);
    await untilLogged(service, LOST);
    await db.query('DELETE FROM workspace_access_tokens WHERE id = $1', [first.body.privateToken.id]);
    expect(await withToken(first.body.tokenString)).toBe(401);

    // Listening again: a token used since is forgotten when the database announces its deletion.
    await untilLogged(service, BACK);
    const second = await api(owner, 'POST', tokens, { name: 'second' });
    expect([await withToken(second.body.tokenString), await withToken(second.body.tokenString)]).toEqual([200, 200]);
    await db.query('DELETE FROM workspace_access_tokens WHERE id = $1', [second.body.privateToken.id]);
    const deadline = Date.now() + 2_000;
    let status = await withToken(second.body.tokenString);
    while (status !== 401 && Date.now() < deadline) status = await withToken(second.body.tokenString);
    expect(status).toBe(401);
  });

  it('notices a listening connection that goes silent without closing, and stops remembering tokens', async () => {
    const url = new URL(process.env.TEST_DATABASE_URL!);
    const proxy = await TcpProxy.start({ host: url.hostname, port: Number(url.port || 5432) });
    const viaProxy = Object.assign(new URL(url), { hostname: '127.0.0.1', port: String(proxy.port) });
    const silent = await startServiceProcess({
      DATABASE_URL: viaProxy.toString(),
      DATABASE_CONNECT_TIMEOUT_MS: '500',
      ACCESS_TOKEN_CACHE_SECONDS: '60',
    });
    try {
      const owner = `silent-${randomUUID()}`;
      const headers = { authorization: `Bearer ${await bearerToken(owner)}`, 'content-type': 'application/json' };
      const post = async <T>(path: string, body: unknown) =>
        (await (await fetch(`${silent.url}${path}`, { method: 'POST', headers, body: JSON.stringify(body) })).json()) as T;
      const workspace = await post<{ id: string }>('/api/v1/workspaces', { name: 'silent', billingAccountEmail: 'b@example.com' });
      const token = await post<{ tokenString: string }>(`/api/v1/workspaces/${workspace.id}/access-tokens`, { name: 't' });
      const basic = { authorization: `Basic ${Buffer.from(token.tokenString).toString('base64')}` };
      expect((await fetch(`${silent.url}/api/v1/workspaces/${workspace.id}`, { headers: basic })).status).toBe(200);

      // Nothing passes any more and nothing is closed: only the listener's own check can notice
      // (the log line is written as the cache is switched off).
      proxy.stall();
      await untilLogged(silent, LOST, 20_000);
    } finally {
      silent.child.kill('SIGKILL');
      await silent.exited;
      await proxy.close();
    }
  }, 40_000);
});
