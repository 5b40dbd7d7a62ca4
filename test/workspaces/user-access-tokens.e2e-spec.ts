import { createHash } from 'node:crypto';
import { assertMatchesContract } from '../support/contract.js';
import { basic, bearer, bearerWithProfile, PROVISION_SCOPE } from '../support/test-auth.js';
import { usesPostgres } from '../support/test-database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { addMember, createWorkspace, mintToken, newUserId } from '../support/workspace-fixtures.js';

describe('User access tokens', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  const mintUserToken = async (userId: string, body: Record<string, unknown> = { name: 'laptop' }) => {
    const response = await t.request({ method: 'POST', url: '/api/v1/access-tokens', headers: await bearer(userId), body });
    if (response.status !== 201) throw new Error(`mint user token: ${response.status} ${response.text}`);
    return { id: response.body.token.id as string, secret: response.body.tokenString as string };
  };
  const getWorkspace = (headers: Record<string, string>, id: string) =>
    t.request({ method: 'GET', url: `/api/v1/workspaces/${id}`, headers });

  it('is created with the bearer token: 201 as the contract shapes it; only the hash of its usat_ secret is stored', async () => {
    const user = newUserId('alice');
    const response = await t.request({
      method: 'POST',
      url: '/api/v1/access-tokens',
      headers: await bearer(user),
      body: { name: 'laptop', expiresAt: '2099-01-01T00:00:00Z' },
    });
    expect(response.status).toBe(201);
    assertMatchesContract('CreateSubjectAccessTokenResponseDto', response.body);
    expect(response.body.token).toEqual({
      id: expect.any(String),
      createdAt: expect.any(String),
      name: 'laptop',
      expiresAt: '2099-01-01T00:00:00.000Z',
      creatorId: user,
    });
    expect(response.body.tokenString).toMatch(/^usat_[A-Za-z0-9_-]{43}$/);
    const rows = await t.dataSource.query(`SELECT * FROM user_access_tokens WHERE user_id = $1`, [user]);
    expect(rows).toHaveLength(1);
    expect(rows[0].hash).toBe(createHash('sha256').update(response.body.tokenString).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(response.body.tokenString);
  });

  it('acts as its user in every workspace the user belongs to, with the user’s role in each, and nowhere else', async () => {
    const user = newUserId('alice');
    const other = newUserId('other');
    const owned = await createWorkspace(t, user, 'Owned');
    const joined = await createWorkspace(t, other, 'Joined');
    const membershipId = await addMember(t, other, joined.id, user, 'ROLE_WORKSPACE_MEMBER');
    const foreign = await createWorkspace(t, other, 'Foreign');
    const token = basic((await mintUserToken(user)).secret);

    const rename = (id: string) =>
      t.request({ method: 'PATCH', url: `/api/v1/workspaces/${id}`, headers: token, body: { name: 'Renamed' } });
    expect((await rename(owned.id)).status).toBe(200);
    expect((await rename(joined.id)).status).toBe(403);
    expect((await getWorkspace(token, joined.id)).status).toBe(200);
    expect((await getWorkspace(token, foreign.id)).status).toBe(404);
    const listed = await t.request({ method: 'GET', url: '/api/v1/workspaces', headers: token });
    expect(listed.body.data.map((w: { name: string }) => w.name).sort()).toEqual(['Joined', 'Renamed']);

    // The user leaves: the token loses that workspace at once.
    const left = await t.request({ method: 'DELETE', url: `/api/v1/workspace-memberships/${membershipId}`, headers: await bearer(user) });
    expect(left.status).toBe(204);
    expect((await getWorkspace(token, joined.id)).status).toBe(404);
    expect((await getWorkspace(token, owned.id)).status).toBe(200);
  });

  it('creates no workspaces, mints no tokens of either kind, answers no invitation (403)', async () => {
    const user = newUserId('alice');
    const workspace = await createWorkspace(t, user);
    const token = basic((await mintUserToken(user)).secret);
    const email = `${user}@example.com`;
    const invited = await t.request({
      method: 'POST',
      url: `/api/v1/workspaces/${workspace.id}/invites`,
      headers: token,
      body: { email, privilege: 'ROLE_WORKSPACE_MEMBER' },
    });
    expect(invited.status).toBe(201); // as the user would, an owner
    const attempts = [
      { method: 'POST' as const, url: '/api/v1/workspaces', body: { name: 'x', billingAccountEmail: 'b@example.com' } },
      { method: 'POST' as const, url: `/api/v1/workspaces/${workspace.id}/access-tokens`, body: { name: 'x' } },
      { method: 'POST' as const, url: '/api/v1/access-tokens', body: { name: 'x' } },
      { method: 'PUT' as const, url: `/api/v1/workspaces/${workspace.id}/invites/${invited.body.id}`, body: { action: 'accept' } },
      { method: 'GET' as const, url: '/api/v1/invites' },
    ];
    for (const attempt of attempts)
      expect([attempt.url, (await t.request({ ...attempt, headers: token })).status]).toEqual([attempt.url, 403]);
    expect(await t.dataSource.query(`SELECT 1 FROM user_access_tokens WHERE user_id = $1`, [user])).toHaveLength(1);
    expect(await t.dataSource.query(`SELECT 1 FROM workspace_memberships WHERE user_id = $1`, [user])).toHaveLength(1);
  });

  it('is never replayed what the same user’s bearer token was answered for an Idempotency-Key', async () => {
    const user = newUserId('alice');
    const workspace = await createWorkspace(t, user);
    const token = basic((await mintUserToken(user)).secret);
    const invite = (headers: Record<string, string>) =>
      t.request({
        method: 'POST',
        url: `/api/v1/workspaces/${workspace.id}/invites`,
        headers: { ...headers, 'idempotency-key': 'same-key' },
        body: { email: `${user}@example.com`, privilege: 'ROLE_WORKSPACE_MEMBER' },
      });
    expect((await invite(await bearer(user))).status).toBe(201);
    const replayedForBearer = await invite(await bearer(user));
    expect([replayedForBearer.status, replayedForBearer.headers['idempotent-replayed']]).toEqual([201, 'true']);
    // The token runs the request itself: the address already has a pending invitation.
    const byToken = await invite(token);
    expect([byToken.status, byToken.headers['idempotent-replayed']]).toEqual([409, undefined]);
  });

  it('stops working when it expires, and from the moment it is deleted', async () => {
    const user = newUserId('alice');
    const workspace = await createWorkspace(t, user);
    const expiring = await mintUserToken(user);
    await t.dataSource.query(`UPDATE user_access_tokens SET expires_at = now() - interval '1 second' WHERE id = $1`, [expiring.id]);
    const expired = await getWorkspace(basic(expiring.secret), workspace.id);
    expect([expired.status, expired.body]).toEqual([401, { detail: 'The access token has expired' }]);

    const token = await mintUserToken(user);
    expect((await getWorkspace(basic(token.secret), workspace.id)).status).toBe(200);
    expect((await t.request({ method: 'DELETE', url: `/api/v1/access-tokens/${token.id}`, headers: await bearer(user) })).status).toBe(204);
    const refused = await getWorkspace(basic(token.secret), workspace.id);
    expect([refused.status, refused.body]).toEqual([401, { detail: 'Invalid access token' }]);
  });

  it('lists the caller’s own tokens, oldest first, with skip and limit; another subject’s only with the provisioning scope', async () => {
    const user = newUserId('alice');
    const ids = [];
    for (const name of ['a', 'b', 'c']) ids.push((await mintUserToken(user, { name })).id);
    const list = (query: string, headers: Record<string, string>) =>
      t.request({ method: 'GET', url: `/api/v1/access-tokens${query}`, headers });

    const all = await list('', await bearer(user));
    expect(all.status).toBe(200);
    assertMatchesContract('ListSubjectAccessTokensResponseDto', all.body);
    expect(all.body.data.map((token: { id: string }) => token.id)).toEqual(ids);
    expect(all.body.data[0]).toEqual({ id: ids[0], createdAt: expect.any(String), name: 'a', expiresAt: null, creatorId: user });
    expect((await list('?skip=1&limit=1', await bearer(user))).body.data.map((token: { id: string }) => token.id)).toEqual([ids[1]]);
    expect((await list('?skip=99999999999999999999', await bearer(user))).body).toEqual({ data: [] });
    // With one of the tokens: the same list.
    const secret = (await mintUserToken(user, { name: 'd' })).secret;
    expect((await list('', basic(secret))).body.data).toHaveLength(4);

    const stranger = await list(`?subject_id=${user}`, await bearer(newUserId('bob')));
    expect([stranger.status, stranger.body]).toEqual([
      403,
      { detail: "Listing another user's access tokens requires the provisioning permission" },
    ]);
    const provisioner = await list(`?subject_id=${user}`, await bearer(newUserId('ops'), { scope: PROVISION_SCOPE }));
    expect(provisioner.body.data).toHaveLength(4);
    expect((await list(`?subject_id=${newUserId('nobody')}`, await bearer(newUserId('ops'), { scope: PROVISION_SCOPE }))).body).toEqual({
      data: [],
    });
  });

  it('is deleted and looked up by its user (or with the provisioning scope) only; anyone else gets 404 and changes nothing', async () => {
    const user = newUserId('alice');
    const token = await mintUserToken(user);
    const lookup = async (headers: Record<string, string>, accessToken: string) =>
      t.request({ method: 'POST', url: '/api/v1/access-tokens/lookup', headers, body: { accessToken } });

    for (const form of [token.secret, Buffer.from(token.secret).toString('base64')]) {
      const found = await lookup(await bearer(user), form);
      expect([found.status, found.body]).toEqual([200, { accessTokenId: token.id }]);
    }
    const bob = await bearer(newUserId('bob'));
    expect([(await lookup(bob, token.secret)).status, (await lookup(bob, token.secret)).body]).toEqual([
      404,
      { detail: 'Access token not found' },
    ]);
    const deleted = await t.request({ method: 'DELETE', url: `/api/v1/access-tokens/${token.id}`, headers: bob });
    expect([deleted.status, deleted.body]).toEqual([404, { detail: 'Access token not found' }]);
    expect(await t.dataSource.query(`SELECT 1 FROM user_access_tokens WHERE id = $1`, [token.id])).toHaveLength(1);

    // A workspace token's secret is not a user token.
    const workspace = await createWorkspace(t, user);
    const workspaceToken = await mintToken(t, user, workspace.id);
    expect((await lookup(await bearer(user), workspaceToken.secret)).status).toBe(404);

    const ops = await bearer(newUserId('ops'), { scope: PROVISION_SCOPE });
    expect((await lookup(ops, token.secret)).body).toEqual({ accessTokenId: token.id });
    expect((await t.request({ method: 'DELETE', url: `/api/v1/access-tokens/${token.id}`, headers: ops })).status).toBe(204);
    expect((await t.request({ method: 'DELETE', url: `/api/v1/access-tokens/${token.id}`, headers: ops })).status).toBe(404);
  });

  it('a workspace access token of the user may not manage user tokens (403): it reaches one workspace only', async () => {
    const user = newUserId('alice');
    const workspace = await createWorkspace(t, user);
    const workspaceToken = basic((await mintToken(t, user, workspace.id)).secret);
    const token = await mintUserToken(user);
    const detail = "A workspace access token acts in its workspace only: it cannot manage user access tokens; use the user's bearer token";
    for (const request of [
      { method: 'GET' as const, url: '/api/v1/access-tokens' },
      { method: 'DELETE' as const, url: `/api/v1/access-tokens/${token.id}` },
      { method: 'POST' as const, url: '/api/v1/access-tokens/lookup', body: { accessToken: token.secret } },
    ]) {
      const response = await t.request({ ...request, headers: workspaceToken });
      expect([request.url, response.status, response.body]).toEqual([request.url, 403, { detail }]);
    }
    expect(await t.dataSource.query(`SELECT 1 FROM user_access_tokens WHERE id = $1`, [token.id])).toHaveLength(1);
  });
});

describe('GET /api/v1/users/{user_id}/workspace-memberships (deprecated)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  const list = (userId: string, headers: Record<string, string>, query = '') =>
    t.request({ method: 'GET', url: `/api/v1/users/${encodeURIComponent(userId)}/workspace-memberships${query}`, headers });

  it('answers the caller’s own memberships as a bare array, pointing to its successor', async () => {
    const user = newUserId('alice');
    const first = await createWorkspace(t, user, 'First');
    const other = newUserId('other');
    const second = await createWorkspace(t, other, 'Second');
    await addMember(t, other, second.id, user, 'ROLE_WORKSPACE_ADMIN');

    const response = await list(user, await bearer(user));
    expect(response.status).toBe(200);
    expect(response.headers.deprecation).toBe('true');
    expect(response.headers.link).toBe(`</api/v1/workspace-memberships?user_id=${encodeURIComponent(user)}>; rel="successor-version"`);
    expect(Array.isArray(response.body)).toBe(true);
    for (const item of response.body)
      assertMatchesContract('workspaces__use_cases__workspace_memberships__list_workspace_memberships__WorkspaceMembershipDto', item);
    expect(
      response.body
        .map((m: { workspaceId: string; privileges: string[]; workspace: unknown }) => [m.workspaceId, m.privileges, m.workspace])
        .sort(),
    ).toEqual(
      [
        [first.id, ['ROLE_WORKSPACE_OWNER'], null],
        [second.id, ['ROLE_WORKSPACE_ADMIN'], null],
      ].sort(),
    );
    const expanded = await list(user, await bearer(user), '?expand=workspace');
    expect(expanded.body.map((m: { workspace: { name: string } }) => m.workspace.name).sort()).toEqual(['First', 'Second']);
  });

  it('another user’s: 404 (the outsider’s), even for a fellow member; with the provisioning scope, their memberships', async () => {
    const user = newUserId('alice');
    const fellow = newUserId('bob');
    const workspace = await createWorkspace(t, user);
    await addMember(t, user, workspace.id, fellow, 'ROLE_WORKSPACE_MEMBER');
    const refused = await list(user, await bearer(fellow));
    expect([refused.status, refused.body]).toEqual([404, { detail: [{ msg: 'Workspace membership not found' }] }]);
    const provisioned = await list(user, await bearer(newUserId('ops'), { scope: PROVISION_SCOPE }));
    expect(provisioned.body.map((m: { workspaceId: string }) => m.workspaceId)).toEqual([workspace.id]);
  });

  it('with a workspace access token: the memberships in its workspace only', async () => {
    const user = newUserId('alice');
    const one = await createWorkspace(t, user);
    await createWorkspace(t, user);
    const token = await mintToken(t, user, one.id);
    expect((await list(user, basic(token.secret))).body.map((m: { workspaceId: string }) => m.workspaceId)).toEqual([one.id]);
  });

  it('is marked deprecated in the OpenAPI document', async () => {
    const document = (await t.request({ method: 'GET', url: '/docs-json' })).body;
    expect(document.paths['/api/v1/users/{user_id}/workspace-memberships'].get.deprecated).toBe(true);
  });
});

(usesPostgres() ? describe : describe.skip)('A deleted user access token on another replica', () => {
  let replicas: TestApp[];
  beforeAll(async () => {
    replicas = [await startTestApp(), await startTestApp({ ACCESS_TOKEN_CACHE_SECONDS: '60' })];
  });
  afterAll(async () => Promise.all(replicas.map((replica) => replica.close())));

  it('is refused by the other replica from the moment its DELETE is answered (user tokens are never cached)', async () => {
    const [a, b] = replicas;
    const user = newUserId('alice');
    const headers = await bearerWithProfile(user, {});
    const workspace = await createWorkspace(a, user);
    const created = await a.request({ method: 'POST', url: '/api/v1/access-tokens', headers, body: { name: 'x' } });
    const secret = basic(created.body.tokenString);
    for (let i = 0; i < 3; i++)
      expect((await b.request({ method: 'GET', url: `/api/v1/workspaces/${workspace.id}`, headers: secret })).status).toBe(200);
    expect((await a.request({ method: 'DELETE', url: `/api/v1/access-tokens/${created.body.token.id}`, headers })).status).toBe(204);
    expect((await b.request({ method: 'GET', url: `/api/v1/workspaces/${workspace.id}`, headers: secret })).status).toBe(401);
  });
});
