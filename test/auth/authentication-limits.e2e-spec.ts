import { bearer, bearerToken, basic } from '../support/test-auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const URL = '/api/v1/workspace-memberships';

describe('Authentication limits', () => {
  describe('failed authentications per client (on by default)', () => {
    let t: TestApp;
    beforeAll(async () => {
      // The default limit: 30 failures a minute per client address.
      t = await startTestApp({ AUTH_FAILURE_LIMIT: '' });
    });
    afterAll(async () => t.close());

    const from = (remoteAddress: string, headers: Record<string, string>) =>
      t.app.inject({ method: 'GET', url: URL, headers, remoteAddress });

    it('refuses a client with 429 and Retry-After once it failed 30 times, before looking at its credentials', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++)
        statuses.push((await from('10.0.0.1', i % 2 ? basic(`wsat_${'x'.repeat(43)}`) : { authorization: 'Bearer nonsense' })).statusCode);
      expect(statuses).toEqual(Array(30).fill(401));

      const refused = await from('10.0.0.1', await bearer('valid-but-late'));
      expect(refused.statusCode).toBe(429);
      expect(JSON.parse(refused.body)).toEqual({ detail: 'Too many failed authentication attempts; try again later' });
      const retryAfter = Number(refused.headers['retry-after']);
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);

      // Another client is not affected; success does not count.
      for (let i = 0; i < 40; i++) expect((await from('10.0.0.2', await bearer('fine'))).statusCode).toBe(200);
    });

    it('believes X-Forwarded-For only from trusted proxies (TRUST_PROXY, none by default)', async () => {
      for (let i = 0; i < 30; i++) await from('10.0.0.3', { authorization: 'Bearer nonsense', 'x-forwarded-for': `192.0.2.${i}` });
      expect((await from('10.0.0.3', { ...(await bearer('u')), 'x-forwarded-for': '192.0.2.200' })).statusCode).toBe(429);
    });
  });

  it('AUTH_REQUIRE_EXP=false accepts tokens without exp, for identity providers that omit it', async () => {
    const t = await startTestApp({ AUTH_REQUIRE_EXP: 'false' });
    try {
      const response = await t.request({
        method: 'GET',
        url: URL,
        headers: { authorization: `Bearer ${await bearerToken('no-exp', { expiresIn: null })}` },
      });
      expect(response.status).toBe(200);
    } finally {
      await t.close();
    }
  });
});
