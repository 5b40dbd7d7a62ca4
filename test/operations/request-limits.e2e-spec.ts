import { connect } from 'node:net';
import type { AddressInfo } from 'node:net';
import { bearer } from '../support/test-auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('Request size and time limits', () => {
  let t: TestApp;
  let port: number;

  beforeAll(async () => {
    t = await startTestApp({ REQUEST_TIMEOUT_MS: '1000', BODY_LIMIT_BYTES: '4096' });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.getHttpServer().address() as AddressInfo).port;
  });
  afterAll(async () => t.close());

  it('answers a body over the limit with 413', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/api/v1/workspaces',
      headers: await bearer('big-body'),
      body: { name: 'x', billingAccountEmail: 'b@example.com', padding: 'p'.repeat(5_000) },
    });
    expect(response.status).toBe(413);
    expect(response.body).toEqual({ detail: 'Request body is too large' });
  });

  it('answers 408 and disconnects a client that stops sending its request', async () => {
    const { authorization } = await bearer('slow-client');
    const started = Date.now();
    const answer = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        // Announce 200 bytes of body, send 10, then go silent.
        socket.write(
          `POST /api/v1/workspaces HTTP/1.1\r\nHost: localhost\r\nAuthorization: ${authorization}\r\n` +
            'Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{"name": "',
        );
      });
      let received = '';
      socket.on('data', (chunk) => (received += String(chunk)));
      socket.on('close', () => resolve(received));
      socket.on('error', reject);
      setTimeout(() => reject(new Error('the server never gave up on the slow request')), 10_000).unref();
    });
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
