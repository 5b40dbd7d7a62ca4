import { assertMatchesContract } from '../support/contract.js';
import { basic, bearer } from '../support/test-auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createWorkspace, mintToken, newUserId, team } from '../support/workspace-fixtures.js';

const tokensUrl = (workspaceId: string) => `/api/v1/workspaces/${workspaceId}/access-tokens`;
const MEMBERSHIP_NOT_FOUND = { detail: [{ msg: 'Workspace membership not found' }] };

describe('Workspace access tokens', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  const storedTokens = async (membershipId: string) =>
    t.dataSource.query('SELECT id, name, hash, expires_at FROM workspace_access_tokens WHERE membership_id = $1', [membershipId]);

  describe('POST .../access-tokens', () => {
    it('creates a token for the caller’s membership: 201, the secret once, only its hash stored', async () => {
      const w = await team(t);
      const response = await t.request({
        method: 'POST',
        url: tokensUrl(w.workspaceId),
        headers: await bearer(w.users.member),
        body: { name: 'CI runner' },
      });
      expect(response.status).toBe(201);
      assertMatchesContract('CreateWorkspaceAccessTokenResponseDto', response.body);
      expect(response.body.tokenString).toMatch(/^wsat_[A-Za-z0-9_-]{43}$/);
      expect(response.body.privateToken).toMatchObject({ name: 'CI runner', expiresAt: null });
      expect(Object.keys(response.body.privateToken).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'name']);

      const rows = await storedTokens(w.memberships.member);
      expect(rows).toHaveLength(1);
      expect(rows[0].id).toBe(response.body.privateToken.id);
      expect(JSON.stringify(rows)).not.toContain(response.body.tokenString);
    });

    it('keeps an expiry and treats a date-time without offset as UTC', async () => {
      const w = await team(t);
      const response = await t.request({
        method: 'POST',
        url: tokensUrl(w.workspaceId),
        headers: await bearer(w.users.owner),
        body: { name: 'expiring', expiresAt: '2099-01-02T03:04:05' },
      });
      expect(response.status).toBe(201);
      expect(response.body.privateToken.expiresAt).toBe('2099-01-02T03:04:05.000Z');
    });

    it.each([
      [
        'an expiry in the past',
        { name: 'x', expiresAt: '2001-01-01T00:00:00Z' },
        { loc: ['body', 'expiresAt'], type: 'datetime_future', msg: 'Input should be in the future' },
      ],
      ['a malformed expiry', { name: 'x', expiresAt: 'tomorrow' }, { loc: ['body', 'expiresAt'], type: 'datetime_from_date_parsing' }],
      ['30 February', { name: 'x', expiresAt: '2999-02-30T00:00:00Z' }, { loc: ['body', 'expiresAt'], type: 'datetime_from_date_parsing' }],
      ['no name', {}, { loc: ['body', 'name'], type: 'missing' }],
      ['a 129-character name', { name: 'n'.repeat(129) }, { loc: ['body', 'name'], type: 'string_too_long' }],
    ])('refuses %s with 422 and stores nothing', async (_label, body, issue) => {
      const w = await team(t);
      const response = await t.request({ method: 'POST', url: tokensUrl(w.workspaceId), headers: await bearer(w.users.owner), body });
      expect(response.status).toBe(422);
      expect(response.body.detail).toEqual([expect.objectContaining(issue)]);
      expect(await storedTokens(w.memberships.owner)).toEqual([]);
    });

    it('answers 404 with the contract body to a non-member', async () => {
      const w = await team(t);
      const response = await t.request({
        method: 'POST',
        url: tokensUrl(w.workspaceId),
        headers: await bearer(newUserId('outsider')),
        body: { name: 'x' },
      });
      expect(response.status).toBe(404);
      expect(response.body).toEqual(MEMBERSHIP_NOT_FOUND);
    });
  });

  describe('using, listing and revoking', () => {
    it('a token authenticates as its member inside its workspace only', async () => {
      const owner = newUserId('owner');
      const a = await createWorkspace(t, owner, 'A');
      const b = await createWorkspace(t, owner, 'B');
      const token = await mintToken(t, owner, a.id);
      expect((await t.request({ method: 'GET', url: `/api/v1/workspaces/${a.id}`, headers: basic(token.secret) })).status).toBe(200);
      const other = await t.request({ method: 'GET', url: `/api/v1/workspaces/${b.id}`, headers: basic(token.secret) });
      expect(other.status).toBe(404);
      const mint = await t.request({ method: 'POST', url: tokensUrl(b.id), headers: basic(token.secret), body: { name: 'escalate' } });
      expect(mint.status).toBe(403); // a token mints no tokens anywhere (before any workspace is looked at)
      const rename = await t.request({
        method: 'PATCH',
        url: `/api/v1/workspaces/${b.id}`,
        headers: basic(token.secret),
        body: { name: 'pwned' },
      });
      expect(rename.status).toBe(404);
    });

    it('lists the caller’s own tokens in that workspace, without secrets or hashes', async () => {
      const w = await team(t);
      const first = await mintToken(t, w.users.admin, w.workspaceId, { name: 'first' });
      const second = await mintToken(t, w.users.admin, w.workspaceId, { name: 'second', expiresAt: '2099-01-01T00:00:00Z' });
      await mintToken(t, w.users.owner, w.workspaceId, { name: 'owner’s' });
      const response = await t.request({ method: 'GET', url: tokensUrl(w.workspaceId), headers: await bearer(w.users.admin) });
      expect(response.status).toBe(200);
      expect(Array.isArray(response.body)).toBe(true);
      for (const token of response.body) assertMatchesContract('ListAccessTokenResponseDto', token);
      expect(response.body.map((tk: { id: string; name: string; expiresAt: string | null }) => [tk.id, tk.name, tk.expiresAt])).toEqual([
        [first.id, 'first', null],
        [second.id, 'second', '2099-01-01T00:00:00.000Z'],
      ]);
      expect(response.text).not.toContain(first.secret);
      expect(response.text).not.toContain('hash');
    });

    it('a deleted token fails on the very next request', async () => {
      const w = await team(t);
      const token = await mintToken(t, w.users.member, w.workspaceId);
      const before = await t.request({ method: 'GET', url: tokensUrl(w.workspaceId), headers: basic(token.secret) });
      expect(before.status).toBe(200);
      const revoke = await t.request({ method: 'DELETE', url: `${tokensUrl(w.workspaceId)}/${token.id}`, headers: basic(token.secret) });
      expect(revoke.status).toBe(204);
      const after = await t.request({ method: 'GET', url: tokensUrl(w.workspaceId), headers: basic(token.secret) });
      expect(after.status).toBe(401);
      expect(await storedTokens(w.memberships.member)).toEqual([]);
    });

    // Owners and admins revoke (and look up) other members' tokens by the rules for removing those members.
    it.each([
      ['owner', 'admin', true],
      ['owner', 'member', true],
      ['admin', 'member', true],
      ['admin', 'owner', false],
      ['member', 'admin', false],
      ['member', 'owner', false],
    ] as const)('%s and a token of the %s: may revoke it: %s', async (actor, holder, allowed) => {
      const w = await team(t);
      const token = await mintToken(t, w.users[holder], w.workspaceId);
      const headers = await bearer(w.users[actor]);
      const found = await t.request({
        method: 'POST',
        url: `${tokensUrl(w.workspaceId)}/lookup`,
        headers,
        body: { accessToken: token.secret },
      });
      expect(found.status).toBe(allowed ? 200 : 404);
      if (allowed) expect(found.body).toEqual({ accessTokenId: token.id });
      const response = await t.request({ method: 'DELETE', url: `${tokensUrl(w.workspaceId)}/${token.id}`, headers });
      expect(response.status).toBe(allowed ? 204 : 404);
      if (!allowed) expect(response.body).toEqual({ detail: 'Access token not found' });
      const afterwards = await t.request({ method: 'GET', url: tokensUrl(w.workspaceId), headers: basic(token.secret) });
      expect(afterwards.status).toBe(allowed ? 401 : 200);
      expect(await storedTokens(w.memberships[holder])).toHaveLength(allowed ? 0 : 1);
    });
  });

  describe('POST .../access-tokens/lookup', () => {
    const lookup = async (headers: Record<string, string>, workspaceId: string, accessToken: unknown) =>
      t.request({ method: 'POST', url: `${tokensUrl(workspaceId)}/lookup`, headers, body: { accessToken } });

    it('finds the id from the raw token and from its base64 form', async () => {
      const w = await team(t);
      const token = await mintToken(t, w.users.member, w.workspaceId);
      for (const presented of [token.secret, Buffer.from(token.secret).toString('base64')]) {
        const response = await lookup(await bearer(w.users.admin), w.workspaceId, presented);
        expect(response.status).toBe(200);
        assertMatchesContract('LookupWorkspaceAccessTokenResponseDto', response.body);
        expect(response.body).toEqual({ accessTokenId: token.id });
      }
    });

    it('answers 404 for an unknown token and for a token of another workspace', async () => {
      const w = await team(t);
      const other = await team(t);
      const foreign = await mintToken(t, other.users.owner, other.workspaceId);
      for (const presented of ['wsat_unknown', foreign.secret]) {
        const response = await lookup(await bearer(w.users.owner), w.workspaceId, presented);
        expect(response.status).toBe(404);
        expect(response.body).toEqual({ detail: 'Access token not found' });
      }
    });

    it('answers 404 to a non-member and 422 to an empty token', async () => {
      const w = await team(t);
      const token = await mintToken(t, w.users.owner, w.workspaceId);
      expect((await lookup(await bearer(newUserId()), w.workspaceId, token.secret)).status).toBe(404);
      const empty = await lookup(await bearer(w.users.owner), w.workspaceId, '');
      expect(empty.status).toBe(422);
      expect(empty.body.detail).toEqual([expect.objectContaining({ loc: ['body', 'accessToken'], type: 'string_too_short' })]);
    });
  });
});
