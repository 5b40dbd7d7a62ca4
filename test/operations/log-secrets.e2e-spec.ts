import { connect } from 'node:net';
import { Writable } from 'node:stream';
import { createRootLogger } from '../../src/observability/logger.js';
import { basic, bearer, bearerToken } from '../support/test-auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { mintToken, team } from '../support/workspace-fixtures.js';

/** Sends raw bytes to the listening server and returns what it answered. */
function raw(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.on('data', (chunk: Buffer) => (answer += chunk.toString()));
    socket.on('end', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    socket.on('error', reject);
    socket.write(bytes);
  });
}

/**
 * Secrets sent through every failure path we know (unknown paths, bad ids, refused credentials, a
 * failing query, errors Node answers itself) never reach a log line, whatever level.
 */
describe('No secret reaches the logs', () => {
  let t: TestApp;
  let port: number;
  const lines: string[] = [];

  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(...String(chunk).split('\n').filter(Boolean));
        done();
      },
    });
    t = await startTestApp({ LOG_LEVEL: 'verbose' }, createRootLogger({ logLevel: 'verbose', logFormat: 'json' }, sink));
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.getHttpServer().address() as { port: number }).port;
    await t.dataSource.query(`
      CREATE OR REPLACE FUNCTION test_fail_idempotency_key() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.key LIKE 'explode-%' THEN RAISE EXCEPTION 'injected fault for key "%"', NEW.key; END IF;
        RETURN NEW;
      END $$`);
    await t.dataSource.query(`DROP TRIGGER IF EXISTS test_fail_idempotency_key ON idempotency_keys`);
    await t.dataSource.query(
      `CREATE TRIGGER test_fail_idempotency_key BEFORE INSERT ON idempotency_keys FOR EACH ROW EXECUTE FUNCTION test_fail_idempotency_key()`,
    );
  });
  afterAll(async () => {
    await t.dataSource.query(`DROP TRIGGER IF EXISTS test_fail_idempotency_key ON idempotency_keys`);
    await t.close();
  });

  it('whatever fails', async () => {
    const w = await team(t);
    const token = await mintToken(t, w.users.owner, w.workspaceId);
    const revoked = await mintToken(t, w.users.member, w.workspaceId);
    const jwt = await bearerToken(w.users.owner);
    const owner = { authorization: `Bearer ${jwt}` };
    const idempotencyKey = 'explode-9f3b1c-secret-key';
    const secrets = [token.secret, Buffer.from(token.secret).toString('base64'), revoked.secret, jwt, idempotencyKey];

    const statuses: number[] = [];
    const send = async (options: Parameters<TestApp['request']>[0]) => statuses.push((await t.request(options)).status);

    // Tokens pasted into URLs: an unknown path, a path parameter, a query string.
    await send({ method: 'GET', url: `/api/v1/${token.secret}`, headers: owner });
    await send({ method: 'GET', url: `/api/v1/workspaces/${token.secret}`, headers: owner });
    await send({ method: 'GET', url: `/api/v1/workspaces/${w.workspaceId}/access-tokens/${encodeURIComponent(jwt)}`, headers: owner });
    await send({ method: 'GET', url: `/api/v1/workspaces?cursor=${token.secret}`, headers: owner });
    // Refused credentials.
    await t.request({
      method: 'DELETE',
      url: `/api/v1/workspaces/${w.workspaceId}/access-tokens/${revoked.id}`,
      headers: await bearer(w.users.member),
    });
    await send({ method: 'GET', url: '/api/v1/workspaces', headers: basic(revoked.secret) });
    await send({ method: 'GET', url: '/api/v1/workspaces', headers: { authorization: `Bearer ${jwt}x` } });
    await send({ method: 'GET', url: '/api/v1/workspaces', headers: { authorization: `Basic ${token.secret}` } });
    // A query that fails with the Idempotency-Key, user input and the token's id among its parameters.
    await send({
      method: 'POST',
      url: '/api/v1/workspaces',
      headers: { ...basic(token.secret), 'idempotency-key': idempotencyKey },
      body: { name: token.secret, billingAccountEmail: 'b@example.com' },
    });
    await send({
      method: 'POST',
      url: '/api/v1/workspace-memberships',
      headers: { ...owner, 'idempotency-key': idempotencyKey },
      body: { workspaceId: w.workspaceId, userId: token.secret },
    });
    // Errors Node answers before a request exists: headers too large, bytes that are not HTTP.
    const tooLarge = await raw(
      port,
      `GET /api/v1/workspaces HTTP/1.1\r\nHost: x\r\nAuthorization: Basic ${token.secret}\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    const garbage = await raw(port, `GET /api/v1/${token.secret} HTTP/1.1\r\nAuthorization: Bearer ${jwt}\r\nBad Header\r\n\r\n`);

    expect(statuses).toEqual([404, 422, 404, 422, 401, 401, 200, 500, 500]);
    expect(tooLarge).toMatch(/^HTTP\/1.1 431 /);
    expect(garbage).toMatch(/^HTTP\/1.1 400 /);
    expect(garbage).toContain('{"detail":"Bad Request"}');

    const log = lines.join('\n');
    // Every failure above was logged (one line each at least), and the database failure with its code.
    expect(lines.filter((line) => line.includes('client error answered by the server'))).toHaveLength(2);
    expect(log).toContain('"code":"P0001"');
    expect(log).toContain('"path":"/api/v1/*"');
    for (const secret of secrets) expect(log).not.toContain(secret);
    expect(log).not.toContain(token.secret.slice(5, 25));
  });
});
