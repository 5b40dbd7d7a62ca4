import { bearer, bearerWithProfile, PROVISION_SCOPE } from '../support/test-auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { addMember, createWorkspace, newUserId } from '../support/workspace-fixtures.js';

/** What one caller can make the service keep is bounded, each bound a setting with a clear 4xx. */
describe('Bounds on growth by one caller', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({
      WORKSPACES_PER_USER_LIMIT: '3',
      MEMBERS_PER_WORKSPACE_LIMIT: '4',
      ACCESS_TOKENS_PER_MEMBERSHIP_LIMIT: '2',
      USER_ACCESS_TOKENS_PER_USER_LIMIT: '2',
      IDEMPOTENCY_KEYS_PER_CALLER_LIMIT: '2',
    });
  });
  afterAll(async () => t.close());

  const create = async (userId: string, headers?: Record<string, string>, body: Record<string, unknown> = {}) =>
    t.request({
      method: 'POST',
      url: '/api/v1/workspaces',
      headers: headers ?? (await bearer(userId)),
      body: { name: 'Team', billingAccountEmail: 'billing@example.com', ...body },
    });
  const add = async (actorId: string, workspaceId: string, userId: string) =>
    t.request({
      method: 'POST',
      url: '/api/v1/workspace-memberships',
      headers: await bearer(actorId),
      body: { workspaceId, userId, privileges: ['ROLE_WORKSPACE_MEMBER'] },
    });
  const count = async (sql: string, params: unknown[]) => Number((await t.dataSource.query(sql, params))[0].n);
  const workspacesOf = (userId: string) => count(`SELECT count(*) AS n FROM workspace_memberships WHERE user_id = $1`, [userId]);
  const USER_FULL = 'The user belongs to 3 workspaces, the most one may; leave or delete one first';

  it('a user belongs to at most WORKSPACES_PER_USER_LIMIT workspaces: creating, provisioning, being added and accepting are refused with 409', async () => {
    const user = newUserId('busy');
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await createWorkspace(t, user)).id);
    const events = await count(`SELECT count(*) AS n FROM events WHERE actor_user_id = $1`, [user]);

    const refused = await create(user);
    expect([refused.status, refused.body]).toEqual([409, { detail: USER_FULL }]);
    expect(await workspacesOf(user)).toBe(3);
    expect(await count(`SELECT count(*) AS n FROM events WHERE actor_user_id = $1`, [user])).toBe(events);

    // Provisioned for them, added by someone else, or joining by invitation: the same bound.
    const provisioner = await bearer(newUserId('provisioner'), { scope: PROVISION_SCOPE });
    expect((await create('', provisioner, { firstMemberId: user })).status).toBe(409);
    const other = newUserId('other');
    const elsewhere = await createWorkspace(t, other);
    const added = await add(other, elsewhere.id, user);
    expect([added.status, added.body]).toEqual([409, { detail: USER_FULL }]);
    const email = `busy-${user}@example.com`;
    const invited = await t.request({
      method: 'POST',
      url: `/api/v1/workspaces/${elsewhere.id}/invites`,
      headers: await bearer(other),
      body: { email, privilege: 'ROLE_WORKSPACE_MEMBER' },
    });
    const accepted = await t.request({
      method: 'PUT',
      url: `/api/v1/workspaces/${elsewhere.id}/invites/${invited.body.id}`,
      headers: await bearerWithProfile(user, { email, email_verified: true }),
      body: { action: 'accept' },
    });
    expect([accepted.status, accepted.body]).toEqual([409, { detail: USER_FULL }]);
    expect((await t.dataSource.query(`SELECT status FROM invitations WHERE id = $1`, [invited.body.id]))[0].status).toBe('pending');
    expect(await workspacesOf(user)).toBe(3);

    // Leaving one makes room.
    expect((await t.request({ method: 'DELETE', url: `/api/v1/workspaces/${ids[0]}`, headers: await bearer(user) })).status).toBe(204);
    expect((await create(user)).status).toBe(201);
  });

  it('a workspace has at most MEMBERS_PER_WORKSPACE_LIMIT members', async () => {
    const owner = newUserId('owner');
    const workspace = await createWorkspace(t, owner);
    for (let i = 0; i < 3; i++) await addMember(t, owner, workspace.id, newUserId('m'), 'ROLE_WORKSPACE_MEMBER');
    const refused = await add(owner, workspace.id, newUserId('m'));
    expect([refused.status, refused.body]).toEqual([
      409,
      { detail: 'The workspace has 4 members, the most it may have; remove one first' },
    ]);
    expect(await count(`SELECT count(*) AS n FROM workspace_memberships WHERE workspace_id = $1`, [workspace.id])).toBe(4);
    // Adding an existing member is still "already a member".
    expect((await add(owner, workspace.id, owner)).status).toBe(409);
  });

  it('a membership has at most ACCESS_TOKENS_PER_MEMBERSHIP_LIMIT tokens, also when they are created at once', async () => {
    const owner = newUserId('owner');
    const workspace = await createWorkspace(t, owner);
    const mint = async () =>
      t.request({
        method: 'POST',
        url: `/api/v1/workspaces/${workspace.id}/access-tokens`,
        headers: await bearer(owner),
        body: { name: 'ci' },
      });
    const statuses = (await Promise.all(Array.from({ length: 5 }, mint))).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 409, 409, 409]);
    const refused = await mint();
    expect(refused.body).toEqual({ detail: 'This membership has 2 access tokens, the most it may have; delete one first' });
    const [{ id }] = await t.dataSource.query(`SELECT id FROM workspace_access_tokens WHERE membership_id = $1 LIMIT 1`, [
      workspace.ownerMembershipId,
    ]);
    await t.request({ method: 'DELETE', url: `/api/v1/workspaces/${workspace.id}/access-tokens/${id}`, headers: await bearer(owner) });
    expect((await mint()).status).toBe(201);
  });

  it('a user has at most USER_ACCESS_TOKENS_PER_USER_LIMIT user tokens, also when they are created at once', async () => {
    const user = newUserId('tokens');
    const mint = async () => t.request({ method: 'POST', url: '/api/v1/access-tokens', headers: await bearer(user), body: { name: 'ci' } });
    const statuses = (await Promise.all(Array.from({ length: 5 }, mint))).map((r) => r.status).sort();
    expect(statuses).toEqual([201, 201, 409, 409, 409]);
    expect((await mint()).body).toEqual({ detail: 'You have 2 user access tokens, the most one may have; delete one first' });
    expect(await count(`SELECT count(*) AS n FROM user_access_tokens WHERE user_id = $1`, [user])).toBe(2);
    expect(await count(`SELECT count(*) AS n FROM events WHERE type = 'access_token.created' AND actor_user_id = $1`, [user])).toBe(2);
  });

  it('a caller holds at most IDEMPOTENCY_KEYS_PER_CALLER_LIMIT keys: a new one past it is 429 with Retry-After; its keys still replay', async () => {
    const user = newUserId('keys');
    const keyed = async (key: string) => create(user, { ...(await bearer(user)), 'idempotency-key': key });
    const first = await keyed('k1');
    expect(first.status).toBe(201);
    expect((await keyed('k2')).status).toBe(201);
    const refused = await keyed('k3');
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({
      detail: 'You have 2 Idempotency-Keys in use, the most one may; send new requests without one, or try again later',
    });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(23 * 3600);
    expect(await workspacesOf(user)).toBe(2);
    const replay = await keyed('k1');
    expect([replay.status, replay.headers['idempotent-replayed'], replay.body.id]).toEqual([201, 'true', first.body.id]);
    expect((await create(user)).status).toBe(201);
  });
});
