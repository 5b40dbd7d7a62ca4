import { Writable } from 'node:stream';
import { createRootLogger } from '../../src/observability/logger.js';
import { bearer, bearerToken } from '../support/test-auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('Logs, request ids, metrics and security headers', () => {
  let t: TestApp;
  const lines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
        done();
      },
    });
    t = await startTestApp({ LOG_LEVEL: 'log' }, createRootLogger({ logLevel: 'log', logFormat: 'json' }, sink));
  });
  afterAll(async () => t.close());

  const create = async (headers: Record<string, string>) =>
    t.request({ method: 'POST', url: '/api/v1/workspaces', headers, body: { name: 'Logged', billingAccountEmail: 'b@example.com' } });

  it('honours a safe X-Request-Id, returns it, and logs exactly one line for the request', async () => {
    const response = await create({ ...(await bearer('logged-user')), 'x-request-id': 'req-42.abc' });
    expect(response.status).toBe(201);
    expect(response.headers['x-request-id']).toBe('req-42.abc');
    const mine = lines.filter((line) => line.requestId === 'req-42.abc');
    expect(mine).toEqual([
      expect.objectContaining({
        msg: 'request completed',
        method: 'POST',
        route: '/api/v1/workspaces',
        status: 201,
        durationMs: expect.any(Number),
      }),
    ]);
  });

  it('generates a request id when none (or an unsafe one) is sent', async () => {
    const response = await create({ ...(await bearer('logged-user')), 'x-request-id': 'evil\nid with spaces' });
    const id = String(response.headers['x-request-id']);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(lines.some((line) => line.requestId === id)).toBe(true);
  });

  it('never logs the Authorization header or a token', async () => {
    const token = await bearerToken('secretive-user');
    await create({ authorization: `Bearer ${token}` });
    await create({ authorization: 'Basic d3NhdF9ub3QtYS1yZWFsLXRva2Vu' });
    await t.request({ method: 'GET', url: '/api/v1/workspaces?cursor=zzz', headers: { authorization: `Bearer ${token}` } });
    const all = JSON.stringify(lines);
    expect(all).not.toContain(token);
    expect(all).not.toContain('d3NhdF9ub3QtYS1yZWFsLXRva2Vu');
    expect(all.toLowerCase()).not.toContain('bearer ');
  });

  it('logs the route template and the path without its query string', async () => {
    await t.request({
      method: 'GET',
      url: '/api/v1/workspaces?limit=5',
      headers: { ...(await bearer('q-user')), 'x-request-id': 'with-query' },
    });
    expect(lines.find((line) => line.requestId === 'with-query')).toMatchObject({
      route: '/api/v1/workspaces',
      path: '/api/v1/workspaces',
    });
  });

  it('serves Prometheus metrics: request durations by route and status, pool and process figures', async () => {
    await create(await bearer('metrics-user'));
    const response = await t.request({ method: 'GET', url: '/metrics' });
    expect(response.status).toBe(200);
    expect(String(response.headers['content-type'])).toContain('text/plain');
    expect(response.text).toMatch(
      /http_request_duration_seconds_bucket\{le="[\d.]+",method="POST",route="\/api\/v1\/workspaces",status_code="201"\} \d+/,
    );
    expect(response.text).toMatch(/^db_pool_connections_total \d+/m);
    expect(response.text).toMatch(/^db_pool_requests_waiting \d+/m);
    expect(response.text).toMatch(/^process_resident_memory_bytes \d+/m);
  });

  it('sends security headers that leave Swagger UI working', async () => {
    const docs = await t.request({ method: 'GET', url: '/docs' });
    expect(docs.status).toBe(200);
    const csp = String(docs.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(docs.headers['x-content-type-options']).toBe('nosniff');
    expect(docs.headers['x-frame-options']).toBe('SAMEORIGIN');
    // Every script the page loads comes from this origin.
    for (const src of docs.text.matchAll(/<script[^>]*src="([^"]+)"/g)) {
      expect(src[1].startsWith('http')).toBe(false);
      const asset = await t.request({ method: 'GET', url: `/${src[1].replace(/^\.\//, '')}` });
      expect(asset.status).toBe(200);
    }
  });
});
