import { assertMatchesContract } from '../support/contract.js';
import { basic, bearer, bearerWithProfile } from '../support/test-auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { usesPostgres } from '../support/test-database.js';
import { addMember, createWorkspace, mintToken, newUserId, team, type Role } from '../support/workspace-fixtures.js';

const URL = '/api/v1/workspace-memberships';
const LAST_OWNER = {
  detail: [{ msg: 'Cannot delete the last ROLE_WORKSPACE_OWNER of the workspace. Please, delete the workspace instead.' }],
};
const MEMBERSHIP_NOT_FOUND = { detail: [{ msg: 'Workspace membership not found' }] };
type RoleName = 'owner' | 'admin' | 'member';
const ROLE: Record<RoleName, Role> = { owner: 'ROLE_WORKSPACE_OWNER', admin: 'ROLE_WORKSPACE_ADMIN', member: 'ROLE_WORKSPACE_MEMBER' };

describe('Workspace memberships', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  const storedMembers = async (workspaceId: string) =>
    (
      await t.dataSource.query('SELECT user_id, privilege FROM workspace_memberships WHERE workspace_id = $1 ORDER BY created_at, id', [
        workspaceId,
      ])
    ).map((row: { user_id: string; privilege: string }) => [row.user_id, row.privilege]);

  describe('POST /api/v1/workspace-memberships', () => {
    const add = async (actorId: string, body: unknown) => t.request({ method: 'POST', url: URL, headers: await bearer(actorId), body });

    it('adds a member: 200 (not 201) with the contract body, stored', async () => {
      const { workspaceId, users } = await team(t);
      const newcomer = newUserId('newcomer');
      const response = await add(users.admin, { workspaceId, userId: newcomer, privileges: ['ROLE_WORKSPACE_ADMIN'], extra: 'ignored' });
      expect(response.status).toBe(200);
      assertMatchesContract('CreateWorkspaceMembershipResponseDto', response.body);
      expect(response.body).toMatchObject({ userId: newcomer, workspaceId, privileges: ['ROLE_WORKSPACE_ADMIN'], accessTokens: [] });
      expect((await storedMembers(workspaceId)).at(-1)).toEqual([newcomer, 'ROLE_WORKSPACE_ADMIN']);
    });

    it.each([[{}], [{ privileges: [] }]])('defaults to ROLE_WORKSPACE_MEMBER (%j)', async (extra) => {
      const { workspaceId, users } = await team(t);
      const newcomer = newUserId('newcomer');
      const response = await add(users.owner, { workspaceId, userId: newcomer, ...extra });
      expect(response.status).toBe(200);
      expect(response.body.privileges).toEqual(['ROLE_WORKSPACE_MEMBER']);
    });

    // Every role against every role it could add.
    it.each([
      ['owner', 'owner', 200],
      ['owner', 'admin', 200],
      ['owner', 'member', 200],
      ['admin', 'owner', 403],
      ['admin', 'admin', 200],
      ['admin', 'member', 200],
      ['member', 'owner', 403],
      ['member', 'admin', 403],
      ['member', 'member', 403],
    ] as const)('a %s adding a %s: %i', async (actor, added, status) => {
      const { workspaceId, users } = await team(t);
      const newcomer = newUserId('newcomer');
      const response = await add(users[actor], { workspaceId, userId: newcomer, privileges: [ROLE[added]] });
      expect(response.status).toBe(status);
      const stored = (await storedMembers(workspaceId)).some(([userId]: string[]) => userId === newcomer);
      expect(stored).toBe(status === 200);
    });

    it('refuses an existing member with 409 and changes nothing', async () => {
      const { workspaceId, users } = await team(t);
      const response = await add(users.owner, { workspaceId, userId: users.member, privileges: ['ROLE_WORKSPACE_ADMIN'] });
      expect(response.status).toBe(409);
      expect(response.body).toEqual({ detail: 'The user is already a member of this workspace' });
      expect(await storedMembers(workspaceId)).toContainEqual([users.member, 'ROLE_WORKSPACE_MEMBER']);
    });

    it('adding the same user twice at once: exactly one succeeds', async () => {
      const { workspaceId, users } = await team(t);
      const newcomer = newUserId('twice');
      const responses = await Promise.all(
        Array.from({ length: 6 }, () => add(users.owner, { workspaceId, userId: newcomer, privileges: ['ROLE_WORKSPACE_MEMBER'] })),
      );
      expect(responses.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
      expect((await storedMembers(workspaceId)).filter(([userId]: string[]) => userId === newcomer)).toHaveLength(1);
    });

    it('answers 404 to a non-member, as for an unknown workspace', async () => {
      const { workspaceId } = await team(t);
      const response = await add(newUserId('outsider'), { workspaceId, userId: newUserId() });
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ detail: [{ msg: 'Workspace not found' }] });
      expect(await storedMembers(workspaceId)).toHaveLength(3);
    });

    it.each([
      ['userId missing', (ws: string) => ({ workspaceId: ws }), { loc: ['body', 'userId'], type: 'missing' }],
      ['workspaceId not a UUID', () => ({ workspaceId: 'nope', userId: 'u' }), { loc: ['body', 'workspaceId'], type: 'uuid_parsing' }],
      [
        'two privileges',
        (ws: string) => ({ workspaceId: ws, userId: 'u', privileges: ['ROLE_WORKSPACE_MEMBER', 'ROLE_WORKSPACE_ADMIN'] }),
        { loc: ['body', 'privileges'], type: 'too_long' },
      ],
      [
        'an unknown privilege',
        (ws: string) => ({ workspaceId: ws, userId: 'u', privileges: ['ROLE_GOD'] }),
        { loc: ['body', 'privileges', 0], type: 'enum' },
      ],
      [
        'two privileges',
        (ws: string) => ({ workspaceId: ws, userId: 'u', privileges: ['ROLE_WORKSPACE_MEMBER', 'ROLE_WORKSPACE_ADMIN'] }),
        { loc: ['body', 'privileges'], type: 'too_long' },
      ],
      [
        'privileges not a list',
        (ws: string) => ({ workspaceId: ws, userId: 'u', privileges: 'ROLE_WORKSPACE_MEMBER' }),
        { loc: ['body', 'privileges'], type: 'list_type' },
      ],
      ['a numeric userId', (ws: string) => ({ workspaceId: ws, userId: 42 }), { loc: ['body', 'userId'], type: 'string_type' }],
    ])('refuses %s with 422', async (_label, body, issue) => {
      const { workspaceId, users } = await team(t);
      const response = await add(users.owner, body(workspaceId));
      expect(response.status).toBe(422);
      assertMatchesContract('HTTPValidationError', response.body);
      expect(response.body.detail).toEqual([expect.objectContaining(issue)]);
      expect(await storedMembers(workspaceId)).toHaveLength(3);
    });
  });

  describe('GET /api/v1/workspace-memberships', () => {
    const list = async (userId: string, query = '') => t.request({ method: 'GET', url: `${URL}${query}`, headers: await bearer(userId) });

    it('answers a workspace of thousands of members in full, in order, each once (read and sent in batches of 1,000)', async () => {
      const owner = newUserId('big');
      const workspace = await createWorkspace(t, owner);
      // One statement: every row has the same created_at (to the microsecond), so the batches are cut by id.
      await t.dataSource.query(
        `INSERT INTO workspace_memberships (id, workspace_id, user_id, privilege, created_at, updated_at)
         SELECT gen_random_uuid(), $1::uuid, 'big-member-' || i, 'ROLE_WORKSPACE_MEMBER', now(), now() FROM generate_series(1, 2500) AS i`,
        [workspace.id],
      );
      const stored = (
        await t.dataSource.query(`SELECT id FROM workspace_memberships WHERE workspace_id = $1 ORDER BY created_at, id`, [workspace.id])
      ).map((row: { id: string }) => row.id);
      const response = await list(owner, `?workspace_id=${workspace.id}&expand=user&expand=workspace`);
      expect([response.status, response.headers['content-type']]).toEqual([200, 'application/json; charset=utf-8']);
      assertMatchesContract('WorkspaceMembershipsListResponse', response.body);
      expect(response.body.data.map((m: { id: string }) => m.id)).toEqual(stored);
      expect(stored).toHaveLength(2501);
      expect(response.body.data[2500]).toMatchObject({
        workspaceId: workspace.id,
        workspace: { id: workspace.id, name: 'Team' },
        user: null,
      });
    });

    describe('pages (beyond the reference API: limit and cursor, the next page in Next-Cursor)', () => {
      /** A workspace of `size` members (its owner among them) by SQL, with the join order the listing gives. */
      const bigWorkspace = async (size: number) => {
        const owner = newUserId('paged');
        const workspace = await createWorkspace(t, owner);
        await t.dataSource.query(
          `INSERT INTO workspace_memberships (id, workspace_id, user_id, privilege, created_at, updated_at)
           SELECT gen_random_uuid(), $1::uuid, 'paged-member-' || i, 'ROLE_WORKSPACE_MEMBER', now() + i * interval '1 microsecond', now()
             FROM generate_series(1, $2::int) AS i`,
          [workspace.id, size - 1],
        );
        const stored = (
          await t.dataSource.query(`SELECT id FROM workspace_memberships WHERE workspace_id = $1 ORDER BY created_at, id`, [workspace.id])
        ).map((row: { id: string }) => row.id);
        return { owner, workspace, stored };
      };

      /** Every page from `first`, following Next-Cursor: the ids, and the pages' sizes. */
      const follow = async (owner: string, first: string) => {
        const ids: string[] = [];
        const sizes: number[] = [];
        let url: string | null = first;
        while (url !== null && sizes.length < 50) {
          const response = await t.request({ method: 'GET', url, headers: await bearer(owner) });
          expect(response.status).toBe(200);
          const items = (response.body.data ?? response.body.memberships) as { id: string }[];
          ids.push(...items.map((m) => m.id));
          sizes.push(items.length);
          const next = response.headers['next-cursor'] as string | undefined;
          url = next === undefined ? null : `${first.split('&cursor=')[0]}&cursor=${next}`;
        }
        return { ids, sizes };
      };

      it('lists a workspace page by page: every membership once, in order, the last page without Next-Cursor', async () => {
        const { owner, workspace, stored } = await bigWorkspace(25);
        const { ids, sizes } = await follow(owner, `${URL}?workspace_id=${workspace.id}&limit=10`);
        expect([ids, sizes]).toEqual([stored, [10, 10, 5]]);
        const exact = await t.request({ method: 'GET', url: `${URL}?workspace_id=${workspace.id}&limit=25`, headers: await bearer(owner) });
        expect([exact.body.data.length, exact.headers['next-cursor']]).toEqual([25, undefined]);
        // Without limit and cursor: the contract's answer, all of it, and no Next-Cursor.
        const whole = await t.request({ method: 'GET', url: `${URL}?workspace_id=${workspace.id}`, headers: await bearer(owner) });
        expect([whole.body.data.map((m: { id: string }) => m.id), whole.headers['next-cursor']]).toEqual([stored, undefined]);
        assertMatchesContract('WorkspaceMembershipsListResponse', whole.body);
      });

      it('pages the expanded memberships of GET /api/v1/workspaces/{id} the same way; a cursor alone pages by 100', async () => {
        const { owner, workspace, stored } = await bigWorkspace(130);
        const { ids, sizes } = await follow(owner, `/api/v1/workspaces/${workspace.id}?expand=workspaceMemberships&limit=50`);
        expect([ids, sizes]).toEqual([stored, [50, 50, 30]]);
        const first = await t.request({
          method: 'GET',
          url: `/api/v1/workspaces/${workspace.id}?expand=workspaceMemberships&limit=1`,
          headers: await bearer(owner),
        });
        const rest = await t.request({
          method: 'GET',
          url: `/api/v1/workspaces/${workspace.id}?expand=workspaceMemberships&cursor=${String(first.headers['next-cursor'])}`,
          headers: await bearer(owner),
        });
        expect(rest.body.memberships.map((m: { id: string }) => m.id)).toEqual(stored.slice(1, 101));
        expect(rest.body).toMatchObject({ id: workspace.id, name: 'Team' });
        // Without a page: every membership, as the contract's answer has them.
        const whole = await t.request({
          method: 'GET',
          url: `/api/v1/workspaces/${workspace.id}?expand=workspaceMemberships`,
          headers: await bearer(owner),
        });
        assertMatchesContract('UpdateWorkspaceNameResponseDto', whole.body);
        expect([whole.body.memberships.map((m: { id: string }) => m.id), whole.headers['next-cursor']]).toEqual([stored, undefined]);
      });

      it('a page never shows another workspace: a cursor made in one workspace lists only what the caller may see', async () => {
        const mine = await bigWorkspace(3);
        const theirs = await bigWorkspace(3);
        const first = await t.request({ method: 'GET', url: `${URL}?limit=1`, headers: await bearer(theirs.owner) });
        const cursor = first.headers['next-cursor'] as string;
        const response = await t.request({ method: 'GET', url: `${URL}?limit=10&cursor=${cursor}`, headers: await bearer(mine.owner) });
        expect(response.status).toBe(200);
        for (const membership of response.body.data) expect(membership.workspaceId).toBe(mine.workspace.id);
      });

      it.each([
        ['limit=0', { loc: ['query', 'limit'], type: 'greater_than_equal' }],
        ['limit=1001', { loc: ['query', 'limit'], type: 'less_than_equal' }],
        ['limit=x', { loc: ['query', 'limit'], type: 'int_parsing' }],
        ['cursor=nonsense', { loc: ['query', 'cursor'], type: 'value_error' }],
        // Shaped like a cursor but made up: a date PostgreSQL cannot hold, a negative time, ids that are not UUIDs.
        [
          `cursor=${Buffer.from(JSON.stringify(['00000000-0000-4000-8000-000000000000', 2 ** 62, '00000000-0000-4000-8000-000000000000'])).toString('base64url')}`,
          { loc: ['query', 'cursor'], type: 'value_error' },
        ],
        [
          `cursor=${Buffer.from(JSON.stringify(['00000000-0000-4000-8000-000000000000', -1, '00000000-0000-4000-8000-000000000000'])).toString('base64url')}`,
          { loc: ['query', 'cursor'], type: 'value_error' },
        ],
        [
          `cursor=${Buffer.from(JSON.stringify(["x' OR 1=1 --", 0, 'y'])).toString('base64url')}`,
          { loc: ['query', 'cursor'], type: 'value_error' },
        ],
      ])('refuses %s with 422, on both routes', async (query, issue) => {
        const { owner, workspace } = await bigWorkspace(2);
        for (const url of [`${URL}?${query}`, `/api/v1/workspaces/${workspace.id}?expand=workspaceMemberships&${query}`]) {
          const response = await t.request({ method: 'GET', url, headers: await bearer(owner) });
          expect([
            url,
            response.status,
            response.body.detail.map(({ loc, type }: { loc: unknown; type: string }) => ({ loc, type })),
          ]).toEqual([url, 422, [issue]]);
        }
      });
    });

    it('lists the memberships of the caller’s workspaces only; user and workspace are null unless expanded', async () => {
      const mine = await team(t);
      await team(t); // someone else's
      const response = await list(mine.users.member);
      expect(response.status).toBe(200);
      assertMatchesContract('WorkspaceMembershipsListResponse', response.body);
      expect(response.body.data.map((m: { id: string }) => m.id)).toEqual([
        mine.memberships.owner,
        mine.memberships.admin,
        mine.memberships.member,
      ]);
      expect(response.body.data[0]).toMatchObject({
        user: null,
        workspace: null,
        workspaceId: mine.workspaceId,
        privileges: ['ROLE_WORKSPACE_OWNER'],
      });
    });

    it('filters by user_id and by repeated workspace_id', async () => {
      const a = await team(t);
      const b = await createWorkspace(t, a.users.member, 'B');
      const all = await list(a.users.member);
      expect(all.body.data).toHaveLength(4);
      const byUser = await list(a.users.member, `?user_id=${a.users.admin}`);
      expect(byUser.body.data.map((m: { userId: string }) => m.userId)).toEqual([a.users.admin]);
      const byWorkspaces = await list(a.users.member, `?workspace_id=${b.id}&workspace_id=${a.workspaceId}`);
      expect(byWorkspaces.body.data).toHaveLength(4);
      const onlyB = await list(a.users.member, `?workspace_id=${b.id}`);
      expect(onlyB.body.data.map((m: { workspaceId: string }) => m.workspaceId)).toEqual([b.id]);
    });

    it('never shows another workspace, even when asked for it by id (BOLA)', async () => {
      const mine = await team(t);
      const theirs = await team(t);
      const response = await list(mine.users.owner, `?workspace_id=${theirs.workspaceId}&user_id=${theirs.users.owner}`);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ data: [] });
    });

    it('expands workspace and user; a user never seen is null', async () => {
      const owner = newUserId('seen');
      const seen = await bearerWithProfile(owner, {
        email: 'seen@example.com',
        name: 'Seen User',
        picture: 'https://example.com/p.png',
        email_verified: true,
      });
      const created = await t.request({
        method: 'POST',
        url: '/api/v1/workspaces',
        headers: seen,
        body: { name: 'Expanded', billingAccountEmail: 'b@example.com' },
      });
      const stranger = newUserId('never-seen');
      await addMember(t, owner, created.body.id, stranger, 'ROLE_WORKSPACE_MEMBER');

      const response = await list(owner, `?workspace_id=${created.body.id}&expand=user&expand=workspace`);
      expect(response.status).toBe(200);
      assertMatchesContract('WorkspaceMembershipsListResponse', response.body);
      const [first, second] = response.body.data;
      expect(first.user).toMatchObject({
        id: owner,
        email: 'seen@example.com',
        name: 'Seen User',
        picture: 'https://example.com/p.png',
        emailVerified: true,
      });
      expect(first.workspace).toEqual({
        id: created.body.id,
        name: 'Expanded',
        createdAt: created.body.createdAt,
        updatedAt: created.body.updatedAt,
      });
      expect(second.userId).toBe(stranger);
      expect(second.user).toBeNull();

      const onlyWorkspace = await list(owner, `?workspace_id=${created.body.id}&expand=workspace`);
      expect(onlyWorkspace.body.data[0].user).toBeNull();
      expect(onlyWorkspace.body.data[0].workspace).not.toBeNull();
    });

    it.each([
      ['expand=users', { loc: ['query', 'expand', 0], type: 'literal_error' }],
      ['workspace_id=nope', { loc: ['query', 'workspace_id', 0], type: 'uuid_parsing' }],
      ['expand=user&expand=users', { loc: ['query', 'expand', 1], type: 'literal_error' }],
    ])('refuses %s with 422', async (query, issue) => {
      const response = await list(newUserId(), `?${query}`);
      expect(response.status).toBe(422);
      expect(response.body.detail).toEqual([expect.objectContaining(issue)]);
    });

    it('with an access token, lists only the token’s workspace', async () => {
      const a = await team(t);
      await createWorkspace(t, a.users.owner, 'Other');
      const token = await mintToken(t, a.users.owner, a.workspaceId);
      const response = await t.request({ method: 'GET', url: URL, headers: basic(token.secret) });
      expect(response.body.data.map((m: { workspaceId: string }) => m.workspaceId)).toEqual([a.workspaceId, a.workspaceId, a.workspaceId]);
    });
  });

  describe('DELETE /api/v1/workspace-memberships/{id}', () => {
    const remove = async (headers: Record<string, string>, membershipId: string) =>
      t.request({ method: 'DELETE', url: `${URL}/${membershipId}`, headers });

    // Every role removing every other role (a second owner exists so that the last-owner rule stays out of the way).
    it.each([
      ['owner', 'admin', 204],
      ['owner', 'member', 204],
      ['owner', 'co-owner', 204],
      ['admin', 'member', 204],
      ['admin', 'co-owner', 403],
      ['member', 'admin', 403],
      ['member', 'co-owner', 403],
    ] as const)('a %s removing a %s: %i', async (actor, target, status) => {
      const w = await team(t);
      const coOwner = newUserId('co-owner');
      const coOwnerMembership = await addMember(t, w.users.owner, w.workspaceId, coOwner, 'ROLE_WORKSPACE_OWNER');
      const targetId = target === 'co-owner' ? coOwnerMembership : w.memberships[target];
      const response = await remove(await bearer(w.users[actor]), targetId);
      expect(response.status).toBe(status);
      const remaining = await t.dataSource.query('SELECT count(*)::int AS n FROM workspace_memberships WHERE id = $1', [targetId]);
      expect(remaining[0].n).toBe(status === 204 ? 0 : 1);
    });

    it.each(['admin', 'member'] as const)('a %s may leave', async (role) => {
      const w = await team(t);
      const response = await remove(await bearer(w.users[role]), w.memberships[role]);
      expect(response.status).toBe(204);
      expect(await storedMembers(w.workspaceId)).toHaveLength(2);
    });

    it('refuses to remove the last owner with 409 and the contract body', async () => {
      const w = await team(t);
      const response = await remove(await bearer(w.users.owner), w.memberships.owner);
      expect(response.status).toBe(409);
      expect(response.body).toEqual(LAST_OWNER);
      expect(await storedMembers(w.workspaceId)).toContainEqual([w.users.owner, 'ROLE_WORKSPACE_OWNER']);
    });

    it('answers 404 with the contract body to an outsider and for an unknown id', async () => {
      const w = await team(t);
      const outsider = await bearer(newUserId('outsider'));
      const foreign = await remove(outsider, w.memberships.member);
      const unknown = await remove(outsider, '6f1c1c1e-0000-4000-8000-00000000dcba');
      expect([foreign.status, unknown.status]).toEqual([404, 404]);
      expect(foreign.body).toEqual(MEMBERSHIP_NOT_FOUND);
      expect(unknown.body).toEqual(MEMBERSHIP_NOT_FOUND);
      expect(await storedMembers(w.workspaceId)).toHaveLength(3);
    });

    it('an access token cannot reach a membership of another workspace of its user (BOLA)', async () => {
      const a = await team(t);
      const b = await createWorkspace(t, a.users.owner, 'B');
      const bMember = await addMember(t, a.users.owner, b.id, newUserId('b-member'), 'ROLE_WORKSPACE_MEMBER');
      const tokenOfA = await mintToken(t, a.users.owner, a.workspaceId);
      const response = await remove(basic(tokenOfA.secret), bMember);
      expect(response.status).toBe(404);
      expect(await storedMembers(b.id)).toHaveLength(2);
    });

    it('the removed member’s access tokens stop working at once', async () => {
      const w = await team(t);
      const token = await mintToken(t, w.users.member, w.workspaceId);
      const before = await t.request({ method: 'GET', url: `/api/v1/workspaces/${w.workspaceId}`, headers: basic(token.secret) });
      expect(before.status).toBe(200);
      expect((await remove(await bearer(w.users.admin), w.memberships.member)).status).toBe(204);
      const after = await t.request({ method: 'GET', url: `/api/v1/workspaces/${w.workspaceId}`, headers: basic(token.secret) });
      expect(after.status).toBe(401);
    });

    it(`two owners removing each other at the same moment leave exactly one owner (${usesPostgres() ? 'PostgreSQL' : 'embedded'})`, async () => {
      for (let round = 0; round < 5; round++) {
        const first = newUserId('first');
        const second = newUserId('second');
        const workspace = await createWorkspace(t, first);
        const secondMembership = await addMember(t, first, workspace.id, second, 'ROLE_WORKSPACE_OWNER');
        const [a, b] = await Promise.all([
          remove(await bearer(first), secondMembership),
          remove(await bearer(second), workspace.ownerMembershipId),
        ]);
        // Whoever goes first removes the other, who is then no longer a member: 404.
        expect([a.status, b.status].sort()).toEqual([204, 404]);
        const owners = await t.dataSource.query(
          `SELECT count(*)::int AS n FROM workspace_memberships WHERE workspace_id = $1 AND privilege = 'ROLE_WORKSPACE_OWNER'`,
          [workspace.id],
        );
        expect(owners[0].n).toBe(1);
      }
    });

    it('two owners both leaving at the same moment: one leaves, one stays', async () => {
      const first = newUserId('first');
      const second = newUserId('second');
      const workspace = await createWorkspace(t, first);
      const secondMembership = await addMember(t, first, workspace.id, second, 'ROLE_WORKSPACE_OWNER');
      const [a, b] = await Promise.all([
        remove(await bearer(first), workspace.ownerMembershipId),
        remove(await bearer(second), secondMembership),
      ]);
      expect([a.status, b.status].sort()).toEqual([204, 409]);
      expect(await storedMembers(workspace.id)).toHaveLength(1);
    });
  });
});
