import { UnitOfWork } from '../../src/kernel/unit-of-work.js';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { hashSecret } from '../../src/access-tokens/domain/access-token-secret.js';
import { WorkspaceAccessToken } from '../../src/access-tokens/domain/workspace-access-token.js';
import { WorkspaceAccessTokenRepository } from '../../src/access-tokens/domain/workspace-access-token.repository.js';
import { basic, bearer, bearerToken, TEST_JWT_SECRET } from '../support/test-auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const URL = '/api/v1/workspaces';
const body = { name: 'Team', billingAccountEmail: 'billing@example.com' };

describe('Authentication (HS256 secret and workspace access tokens)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  const create = (headers: Record<string, string>) => t.request({ method: 'POST', url: URL, headers, body });

  /** A workspace owned by a fresh user, and an access token of that owner's membership, stored through the repository. */
  async function ownerWithToken(expiresAt: Date | null = null) {
    const owner = `owner-${randomUUID()}`;
    const created = await create(await bearer(owner));
    expect(created.status).toBe(201);
    const membership = { id: created.body.memberships[0].id as string, workspaceId: created.body.id as string, userId: owner };
    const actor = { userId: owner, mayProvisionWorkspaces: false };
    const issued = WorkspaceAccessToken.issue({ membership, name: 'ci', expiresAt, now: new Date(), actor });
    await t.app.get(UnitOfWork).run('test-token', async (tx) => t.app.get(WorkspaceAccessTokenRepository).save(tx, issued.token));
    return { owner, workspaceId: created.body.id as string, secret: issued.secret };
  }

  const workspacesOf = async (userId: string) =>
    Number((await t.dataSource.query('SELECT count(*)::int AS n FROM workspace_memberships WHERE user_id = $1', [userId]))[0].n);

  describe('missing or bad credentials: 401 with WWW-Authenticate and {"detail"}', () => {
    const expect401 = async (headers: Record<string, string>, detail: string, challenge: RegExp) => {
      const response = await create(headers);
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ detail });
      expect(String(response.headers['www-authenticate'])).toMatch(challenge);
    };

    it('no Authorization header', () => expect401({}, 'Not authenticated', /^Bearer realm="workspaces"$/));
    it('an unknown scheme', () => expect401({ authorization: 'Digest abc' }, 'Not authenticated', /^Bearer /));
    it('a malformed bearer token', () =>
      expect401({ authorization: 'Bearer not-a-jwt' }, 'Invalid bearer token', /^Bearer .*error="invalid_token"/));
    it('an expired bearer token', async () =>
      expect401(await bearer('u', { expiresIn: -60 }), 'The bearer token has expired', /error="invalid_token"/));
    it('a token signed with another secret', async () =>
      expect401(await bearer('u', { secret: 'another-secret-that-is-also-32-characters' }), 'Invalid bearer token', /invalid_token/));
    it('a token without a subject', async () =>
      expect401(
        { authorization: `Bearer ${await bearerToken(undefined)}` },
        "The bearer token's subject is not a usable user id (1 to 255 characters of text without NUL)",
        /invalid_token/,
      ));
    it('a token without an expiry (exp), which would never expire', async () =>
      expect401(
        { authorization: `Bearer ${await bearerToken('no-exp', { expiresIn: null })}` },
        'The bearer token has no expiry (exp)',
        /invalid_token/,
      ));
    it('an unsigned token (alg none)', () => {
      const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(`{"sub":"u","exp":${Math.floor(Date.now() / 1000) + 60}}`).toString('base64url')}.`;
      return expect401({ authorization: `Bearer ${unsigned}` }, 'Invalid bearer token', /invalid_token/);
    });
    it('a token signed with an algorithm that is not allowed (HS512)', async () => {
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: 'HS512' })
        .setSubject('u')
        .setExpirationTime('1m')
        .sign(new TextEncoder().encode(TEST_JWT_SECRET.padEnd(64, 'x')));
      return expect401({ authorization: `Bearer ${token}` }, 'Invalid bearer token', /invalid_token/);
    });
    it('an unknown access token', () => expect401(basic('wsat_unknown'), 'Invalid access token', /^Basic realm="workspaces"$/));
    it('Basic credentials that are not base64', () => expect401({ authorization: 'Basic ***' }, 'Invalid access token', /^Basic /));
    it('an expired access token', async () => {
      const { secret } = await ownerWithToken(new Date(Date.now() - 1000));
      await expect401(basic(secret), 'The access token has expired', /^Basic /);
    });

    it('two Authorization headers: 400, whichever of them is valid', async () => {
      const valid = (await bearer(`two-${randomUUID()}`)).authorization;
      for (const pair of [
        [valid, 'Bearer x'],
        ['Bearer x', valid],
        [valid, valid],
      ]) {
        const response = await t.app.inject({
          method: 'POST',
          url: URL,
          headers: { 'content-type': 'application/json', authorization: pair as unknown as string },
          payload: JSON.stringify(body),
        });
        expect(response.statusCode).toBe(400);
        expect(JSON.parse(response.body)).toEqual({ detail: 'Send one Authorization header, not several' });
      }
    });

    it('stores nothing for a refused request', async () => {
      const user = `refused-${randomUUID()}`;
      expect((await create(await bearer(user, { expiresIn: -60 }))).status).toBe(401);
      expect(await workspacesOf(user)).toBe(0);
    });
  });

  describe('workspace access tokens (Basic)', () => {
    /** Lists the memberships the caller sees: with a token, its workspace's, and the caller is the token's member. */
    const ownMemberships = (headers: Record<string, string>) => t.request({ method: 'GET', url: '/api/v1/workspace-memberships', headers });

    it('acts as the token’s member', async () => {
      const { owner, workspaceId, secret } = await ownerWithToken();
      const response = await ownMemberships(basic(secret));
      expect(response.status).toBe(200);
      expect(response.body.data.map((m: { userId: string; workspaceId: string }) => [m.userId, m.workspaceId])).toEqual([
        [owner, workspaceId],
      ]);
    });

    it('accepts base64 of "anything:token", as curl -u sends it', async () => {
      const { owner, secret } = await ownerWithToken();
      const response = await ownMemberships({ authorization: `Basic ${Buffer.from(`user:${secret}`).toString('base64')}` });
      expect(response.status).toBe(200);
      expect(response.body.data[0].userId).toBe(owner);
    });

    it('accepts a token that has not expired yet', async () => {
      const { secret } = await ownerWithToken(new Date(Date.now() + 60_000));
      expect((await ownMemberships(basic(secret))).status).toBe(200);
    });

    it('cannot provision a workspace for someone else', async () => {
      const { secret } = await ownerWithToken();
      const response = await t.request({
        method: 'POST',
        url: URL,
        headers: basic(secret),
        body: { ...body, firstMemberId: 'someone-else' },
      });
      expect(response.status).toBe(403);
    });

    it('stops working once its membership is gone', async () => {
      const { workspaceId, secret } = await ownerWithToken();
      await t.dataSource.query('DELETE FROM workspaces WHERE id = $1', [workspaceId]);
      expect((await ownMemberships(basic(secret))).status).toBe(401);
    });

    it('stores only the SHA-256 hash of the secret', async () => {
      const { secret } = await ownerWithToken();
      const rows = await t.dataSource.query('SELECT * FROM workspace_access_tokens WHERE hash = $1', [hashSecret(secret)]);
      expect(rows).toHaveLength(1);
      expect(JSON.stringify(rows)).not.toContain(secret);
    });
  });

  it('public routes need no credentials', async () => {
    expect((await t.request({ method: 'GET', url: '/health/live' })).status).toBe(200);
    expect((await t.request({ method: 'GET', url: '/health/ready' })).status).toBe(200);
    expect((await t.request({ method: 'GET', url: '/docs-json' })).status).toBe(200);
  });
});

describe('Authentication with an identity provider (JWKS, RS256/ES256, issuer and audience)', () => {
  const issuer = 'https://idp.example.test/';
  const audience = 'workspaces-api';
  let t: TestApp;
  let jwks: Server;
  let rsa: CryptoKey;
  let ec: CryptoKey;
  let stranger: CryptoKey;

  beforeAll(async () => {
    const rsaPair = await generateKeyPair('RS256');
    const ecPair = await generateKeyPair('ES256');
    rsa = rsaPair.privateKey;
    ec = ecPair.privateKey;
    stranger = (await generateKeyPair('RS256')).privateKey;
    const keys = [
      { ...(await exportJWK(rsaPair.publicKey)), kid: 'rsa', alg: 'RS256', use: 'sig' },
      { ...(await exportJWK(ecPair.publicKey)), kid: 'ec', alg: 'ES256', use: 'sig' },
    ];
    jwks = createServer((_req, res) => {
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ keys }));
    });
    await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
    const { port } = jwks.address() as AddressInfo;
    t = await startTestApp({
      AUTH_JWT_SECRET: '',
      AUTH_JWKS_URL: `http://127.0.0.1:${port}/.well-known/jwks.json`,
      AUTH_ISSUER: issuer,
      AUTH_AUDIENCE: audience,
    });
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => jwks.close(resolve));
  });

  const sign = (key: CryptoKey, alg: string, kid: string, claims: { iss?: string; aud?: string; sub?: string } = {}) =>
    new SignJWT({})
      .setProtectedHeader({ alg, kid })
      .setSubject(claims.sub ?? `idp-user-${randomUUID()}`)
      .setIssuer(claims.iss ?? issuer)
      .setAudience(claims.aud ?? audience)
      .setExpirationTime('5m')
      .sign(key);
  const create = (token: string) => t.request({ method: 'POST', url: URL, headers: { authorization: `Bearer ${token}` }, body });

  it.each([
    ['RS256', () => sign(rsa, 'RS256', 'rsa', { sub: 'rs-user' }), 'rs-user'],
    ['ES256', () => sign(ec, 'ES256', 'ec', { sub: 'es-user' }), 'es-user'],
  ])('accepts a %s token from the provider; the user is its subject', async (_alg, token, userId) => {
    const response = await create(await token());
    expect(response.status).toBe(201);
    expect(response.body.memberships[0].userId).toBe(userId);
  });

  it.each([
    ['another issuer', () => sign(rsa, 'RS256', 'rsa', { iss: 'https://evil.example.test/' })],
    ['another audience', () => sign(rsa, 'RS256', 'rsa', { aud: 'other-api' })],
    ['a key the provider does not publish', () => sign(stranger, 'RS256', 'rsa')],
    ['an HS256 token', () => bearerToken('u')],
  ])('refuses a token with %s', async (_label, token) => {
    const response = await create(await token());
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ detail: 'Invalid bearer token' });
  });
});

describe('Authentication while the identity provider is down', () => {
  it('answers 503, not 401, while the provider keys cannot be fetched', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    // Passport's strategies are process-wide: the apps of one test file must not overlap.
    const unreachable = await startTestApp({
      AUTH_JWT_SECRET: '',
      AUTH_JWKS_URL: `http://127.0.0.1:${port}/jwks.json`,
      AUTH_ISSUER: 'https://idp.example.test/',
      AUTH_AUDIENCE: 'workspaces-api',
    });
    try {
      const { privateKey } = await generateKeyPair('RS256');
      const token = await new SignJWT({})
        .setProtectedHeader({ alg: 'RS256', kid: 'rsa' })
        .setSubject('u')
        .setExpirationTime('5m')
        .sign(privateKey);
      const response = await unreachable.request({ method: 'POST', url: URL, headers: { authorization: `Bearer ${token}` }, body });
      expect(response.status).toBe(503);
      expect(response.body).toEqual({ detail: 'The identity provider is unavailable; try again later' });
    } finally {
      await unreachable.close();
    }
  });
});
