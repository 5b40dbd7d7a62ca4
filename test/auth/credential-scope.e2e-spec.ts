import { basic, bearer } from '../support/test-auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createWorkspace, mintToken, newUserId } from '../support/workspace-fixtures.js';

/** A workspace access token acts only inside its workspace, and never outlives itself. */
describe('A workspace access token stays inside its scope', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  const counts = async () =>
    (
      await t.dataSource.query(
        `SELECT (SELECT count(*) FROM workspaces)::int AS w, (SELECT count(*) FROM workspace_memberships)::int AS m,
                (SELECT count(*) FROM workspace_access_tokens)::int AS t, (SELECT count(*) FROM idempotency_keys)::int AS k`,
      )
    )[0];

  it('creates no workspaces and mints no tokens: 403, nothing stored', async () => {
    const owner = newUserId('scope');
    const workspace = await createWorkspace(t, owner);
    const token = await mintToken(t, owner, workspace.id);
    const before = await counts();

    const create = await t.request({
      method: 'POST',
      url: '/api/v1/workspaces',
      headers: { ...basic(token.secret), 'idempotency-key': 'scope-1' },
      body: { name: 'escape', billingAccountEmail: 'b@example.com' },
    });
    expect(create.status).toBe(403);
    expect(create.body).toEqual({ detail: "An access token cannot create workspaces; use the user's bearer token" });

    const mint = await t.request({
      method: 'POST',
      url: `/api/v1/workspaces/${workspace.id}/access-tokens`,
      headers: { ...basic(token.secret), 'idempotency-key': 'scope-2' },
      body: { name: 'forever' },
    });
    expect(mint.status).toBe(403);
    expect(mint.body).toEqual({ detail: "An access token cannot create access tokens; use the user's bearer token" });
    expect(await counts()).toEqual(before);

    // The user's bearer token still does both.
    expect((await mintToken(t, owner, workspace.id, { name: 'by bearer' })).secret).toMatch(/^wsat_/);
  });

  it('never gets the replay of an Idempotency-Key used by the same user elsewhere', async () => {
    const owner = newUserId('replay');
    const a = await createWorkspace(t, owner, 'A');
    const b = await createWorkspace(t, owner, 'B');
    const tokenForA = await mintToken(t, owner, a.id);
    const body = { workspaceId: b.id, userId: newUserId('joiner') };
    const key = 'same-key';

    const first = await t.request({
      method: 'POST',
      url: '/api/v1/workspace-memberships',
      headers: { ...(await bearer(owner)), 'idempotency-key': key },
      body,
    });
    expect(first.status).toBe(200);
    const replayAttempt = await t.request({
      method: 'POST',
      url: '/api/v1/workspace-memberships',
      headers: { ...basic(tokenForA.secret), 'idempotency-key': key },
      body,
    });
    expect(replayAttempt.status).toBe(404);
    expect(replayAttempt.headers['idempotent-replayed']).toBeUndefined();
    expect(replayAttempt.text).not.toContain(first.body.id);

    // The bearer token's own retry is still replayed.
    const retry = await t.request({
      method: 'POST',
      url: '/api/v1/workspace-memberships',
      headers: { ...(await bearer(owner)), 'idempotency-key': key },
      body,
    });
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body.id).toBe(first.body.id);
  });
});
