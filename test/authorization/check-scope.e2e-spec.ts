import { startTestApp, type TestApp } from '../support/test-app.js';
import { bearer } from '../support/test-auth.js';
import { newUserId, team } from '../support/workspace-fixtures.js';

// An app of its own (its own file: Passport's strategies are registered process-wide).
describe('AUTH_CHECK_SCOPE names the scope that lets a caller check other users', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ AUTH_CHECK_SCOPE: 'authz:ask' });
  });
  afterAll(async () => {
    await t.close();
  });

  it('the configured scope is needed, the default one no longer serves', async () => {
    const w = await team(t);
    const ask = async (scope: string) =>
      t.request({
        method: 'POST',
        url: '/api/v1/authorization/check',
        headers: await bearer(newUserId('gateway'), { scope }),
        body: { checks: [{ workspaceId: w.workspaceId, userId: w.users.owner, action: 'workspace.read' }] },
      });
    const refused = await ask('workspaces:check');
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual({ detail: 'Checking what another user may do needs the authz:ask scope on a bearer token' });
    expect((await ask('authz:ask')).body.results).toEqual([{ correlationId: null, allowed: true, privilege: 'ROLE_WORKSPACE_OWNER' }]);
  });
});
