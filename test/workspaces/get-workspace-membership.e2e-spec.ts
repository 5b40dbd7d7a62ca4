import { assertMatchesContract } from '../support/contract.js';
import { basic, bearer, bearerWithProfile } from '../support/test-auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { addMember, createWorkspace, mintToken, newUserId, team } from '../support/workspace-fixtures.js';

const URL = '/api/v1/workspace-memberships';
const MEMBERSHIP_NOT_FOUND = { detail: [{ msg: 'Workspace membership not found' }] };
/** The listing's item schema: one membership reads the same as it does in the list. */
const SCHEMA = 'workspaces__use_cases__workspace_memberships__list_workspace_memberships__WorkspaceMembershipDto';

describe('GET /api/v1/workspace-memberships/{workspace_membership_id} (extension)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  const get = async (headers: Record<string, string>, membershipId: string, query = '') =>
    t.request({ method: 'GET', url: `${URL}/${membershipId}${query}`, headers });

  it.each(['owner', 'admin', 'member'] as const)(
    'a %s reads any membership of the workspace: 200, as the listing shows it',
    async (role) => {
      const w = await team(t);
      for (const target of ['owner', 'admin', 'member'] as const) {
        const response = await get(await bearer(w.users[role]), w.memberships[target]);
        expect(response.status).toBe(200);
        assertMatchesContract(SCHEMA, response.body);
        const listed = await t.request({
          method: 'GET',
          url: `${URL}?workspace_id=${w.workspaceId}`,
          headers: await bearer(w.users[role]),
        });
        expect(response.body).toEqual(listed.body.data.find((m: { id: string }) => m.id === w.memberships[target]));
        expect(response.body).toMatchObject({
          id: w.memberships[target],
          userId: w.users[target],
          workspaceId: w.workspaceId,
          user: null,
          workspace: null,
        });
      }
    },
  );

  it('expands its user and its workspace when asked, as the listing does', async () => {
    const owner = newUserId('seen');
    const headers = await bearerWithProfile(owner, {
      email: 'seen@example.com',
      name: 'Seen User',
      picture: 'https://example.com/p.png',
      email_verified: true,
    });
    const workspace = await createWorkspace(t, owner, 'Expanded');
    // The workspace was created with a plain token: the profile is recorded by the signed one, now.
    await t.request({ method: 'GET', url: '/api/v1/workspaces', headers });

    const response = await get(headers, workspace.ownerMembershipId, '?expand=user&expand=workspace');
    expect(response.status).toBe(200);
    assertMatchesContract(SCHEMA, response.body);
    expect(response.body.user).toMatchObject({ id: owner, email: 'seen@example.com', name: 'Seen User', emailVerified: true });
    expect(response.body.workspace).toMatchObject({ id: workspace.id, name: 'Expanded' });
    const listed = await t.request({ method: 'GET', url: `${URL}?workspace_id=${workspace.id}&expand=user&expand=workspace`, headers });
    expect(response.body).toEqual(listed.body.data[0]);

    const onlyWorkspace = await get(headers, workspace.ownerMembershipId, '?expand=workspace');
    expect([onlyWorkspace.body.user, onlyWorkspace.body.workspace.id]).toEqual([null, workspace.id]);
  });

  it('answers 404, the same as for no membership at all, to anyone outside the workspace', async () => {
    const w = await team(t);
    const outsider = newUserId('outsider');
    await createWorkspace(t, outsider, 'Elsewhere');
    const unknown = await get(await bearer(outsider), 'ffffffff-0000-4000-8000-000000000000');
    const foreign = await get(await bearer(outsider), w.memberships.member);
    expect([unknown.status, unknown.body]).toEqual([404, MEMBERSHIP_NOT_FOUND]);
    expect([foreign.status, foreign.body]).toEqual([404, MEMBERSHIP_NOT_FOUND]);
  });

  it('with an access token: memberships of the token’s workspace only, even where its user belongs too', async () => {
    const a = await team(t);
    const b = await createWorkspace(t, a.users.owner, 'Also mine');
    const token = await mintToken(t, a.users.owner, a.workspaceId);
    expect((await get(basic(token.secret), a.memberships.member)).status).toBe(200);
    const other = await get(basic(token.secret), b.ownerMembershipId);
    expect([other.status, other.body]).toEqual([404, MEMBERSHIP_NOT_FOUND]);
    expect((await get(await bearer(a.users.owner), b.ownerMembershipId)).status).toBe(200);
  });

  it('is gone once the member has left, for everyone', async () => {
    const w = await team(t);
    const leaver = newUserId('leaver');
    const membershipId = await addMember(t, w.users.owner, w.workspaceId, leaver, 'ROLE_WORKSPACE_MEMBER');
    expect((await get(await bearer(w.users.member), membershipId)).status).toBe(200);
    expect((await t.request({ method: 'DELETE', url: `${URL}/${membershipId}`, headers: await bearer(leaver) })).status).toBe(204);
    for (const reader of [w.users.owner, leaver]) {
      const response = await get(await bearer(reader), membershipId);
      expect([response.status, response.body]).toEqual([404, MEMBERSHIP_NOT_FOUND]);
    }
  });

  it.each([
    ['/not-a-uuid', { loc: ['path', 'workspace_membership_id'], type: 'uuid_parsing' }],
    ['/ffffffff-0000-4000-8000-000000000000?expand=users', { loc: ['query', 'expand', 0], type: 'literal_error' }],
    ['/ffffffff-0000-1000-8000-000000000000', { loc: ['path', 'workspace_membership_id'], type: 'uuid_version' }],
  ])('refuses %s with 422', async (suffix, issue) => {
    const response = await t.request({ method: 'GET', url: `${URL}${suffix}`, headers: await bearer(newUserId()) });
    expect(response.status).toBe(422);
    expect(response.body.detail).toEqual([expect.objectContaining(issue)]);
  });

  it('needs credentials: 401 without', async () => {
    const w = await team(t);
    const response = await t.request({ method: 'GET', url: `${URL}/${w.memberships.owner}` });
    expect(response.status).toBe(401);
    expect(response.headers['www-authenticate']).toBe('Bearer realm="workspaces"');
  });
});
