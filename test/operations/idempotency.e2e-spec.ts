import { randomUUID } from 'node:crypto';
import { bearer } from '../support/test-auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { newUserId, team } from '../support/workspace-fixtures.js';

describe('Idempotency-Key on creating POSTs', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  const createWorkspace = async (userId: string, key: string | undefined, body: Record<string, unknown>) =>
    t.request({
      method: 'POST',
      url: '/api/v1/workspaces',
      headers: { ...(await bearer(userId)), ...(key === undefined ? {} : { 'idempotency-key': key }) },
      body,
    });
  const workspacesOf = async (userId: string) =>
    Number((await t.dataSource.query('SELECT count(*)::int AS n FROM workspace_memberships WHERE user_id = $1', [userId]))[0].n);
  const body = { name: 'Once', billingAccountEmail: 'b@example.com' };

  it('a retry with the same key and body returns the first answer (same id, status, Location) and creates nothing', async () => {
    const user = newUserId('retry');
    const key = randomUUID();
    const first = await createWorkspace(user, key, body);
    const retry = await createWorkspace(user, key, { billingAccountEmail: 'b@example.com', name: 'Once' });
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.location).toBe(first.headers.location);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(await workspacesOf(user)).toBe(1);
  });

  it('the same key with a different body is refused with 422 and creates nothing', async () => {
    const user = newUserId('mismatch');
    const key = randomUUID();
    expect((await createWorkspace(user, key, body)).status).toBe(201);
    const other = await createWorkspace(user, key, { ...body, name: 'Different' });
    expect(other.status).toBe(422);
    expect(other.body).toEqual({
      detail: [
        { loc: ['header', 'idempotency-key'], msg: 'This Idempotency-Key was already used with a different request', type: 'value_error' },
      ],
    });
    expect(await workspacesOf(user)).toBe(1);
  });

  it('concurrent requests with one key create exactly one workspace, and all get its answer', async () => {
    const user = newUserId('concurrent');
    const key = randomUUID();
    const responses = await Promise.all(Array.from({ length: 8 }, () => createWorkspace(user, key, body)));
    expect(responses.map((r) => r.status)).toEqual(Array(8).fill(201));
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    expect(await workspacesOf(user)).toBe(1);
  });

  it('keys are scoped to the caller: another user with the same key gets their own workspace', async () => {
    const key = randomUUID();
    const a = await createWorkspace(newUserId('a'), key, body);
    const b = await createWorkspace(newUserId('b'), key, body);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.body.id).not.toBe(b.body.id);
  });

  it('a request that failed leaves no record: its retry runs again', async () => {
    const user = newUserId('failed');
    const key = randomUUID();
    const refused = await createWorkspace(user, key, { ...body, firstMemberId: 'someone-else' });
    expect(refused.status).toBe(403);
    const again = await createWorkspace(user, key, { ...body, firstMemberId: 'someone-else' });
    expect(again.status).toBe(403);
    expect(await t.dataSource.query('SELECT 1 FROM idempotency_keys WHERE key = $1', [key])).toEqual([]);
  });

  it('keeps keys at least 24 hours', async () => {
    const user = newUserId('ttl');
    const key = randomUUID();
    await createWorkspace(user, key, body);
    const [row] = await t.dataSource.query(
      `SELECT extract(epoch FROM expires_at - created_at)::int AS seconds FROM idempotency_keys WHERE scope = $1 AND key = $2`,
      [`user:${user}`, key],
    );
    expect(row.seconds).toBeGreaterThanOrEqual(24 * 3600);
  });

  it('an expired key is forgotten: the same key then creates anew', async () => {
    const user = newUserId('expired');
    const key = randomUUID();
    const first = await createWorkspace(user, key, body);
    await t.dataSource.query(`UPDATE idempotency_keys SET expires_at = now() - interval '1 second' WHERE scope = $1 AND key = $2`, [
      `user:${user}`,
      key,
    ]);
    const second = await createWorkspace(user, key, body);
    expect(second.status).toBe(201);
    expect(second.body.id).not.toBe(first.body.id);
  });

  it('refuses a malformed key with 422', async () => {
    const response = await createWorkspace(newUserId(), 'x'.repeat(256), body);
    expect(response.status).toBe(422);
    expect(response.body.detail[0]).toMatchObject({ loc: ['header', 'idempotency-key'] });
  });

  it('works for memberships too: the retry creates no second membership and returns the first', async () => {
    const w = await team(t);
    const key = randomUUID();
    const newcomer = newUserId('newcomer');
    const add = async () =>
      t.request({
        method: 'POST',
        url: '/api/v1/workspace-memberships',
        headers: { ...(await bearer(w.users.owner)), 'idempotency-key': key },
        body: { workspaceId: w.workspaceId, userId: newcomer },
      });
    const first = await add();
    const retry = await add();
    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(retry.body).toEqual(first.body);
  });

  it('access tokens: the retry creates no second token and, never storing the secret, answers 409', async () => {
    const w = await team(t);
    const key = randomUUID();
    const mint = async () =>
      t.request({
        method: 'POST',
        url: `/api/v1/workspaces/${w.workspaceId}/access-tokens`,
        headers: { ...(await bearer(w.users.member)), 'idempotency-key': key },
        body: { name: 'ci' },
      });
    const first = await mint();
    const retry = await mint();
    expect(first.status).toBe(201);
    expect(retry.status).toBe(409);
    const tokens = await t.dataSource.query('SELECT id FROM workspace_access_tokens WHERE membership_id = $1', [w.memberships.member]);
    expect(tokens).toEqual([{ id: first.body.privateToken.id }]);
    const stored = await t.dataSource.query('SELECT response_body FROM idempotency_keys WHERE key = $1', [key]);
    expect(JSON.stringify(stored)).not.toContain(first.body.tokenString);
  });
});
