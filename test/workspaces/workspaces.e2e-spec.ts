import { assertMatchesContract } from '../support/contract.js';
import { basic, bearer } from '../support/test-auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { createWorkspace, mintToken, newUserId, team } from '../support/workspace-fixtures.js';

const UNKNOWN_ID = '6f1c1c1e-0000-4000-8000-00000000abcd';
const NOT_FOUND = { detail: [{ msg: 'Workspace not found' }] };

describe('Workspaces: get, list, rename, delete', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  const as = async (userId: string) => bearer(userId);
  const storedName = async (id: string) => (await t.dataSource.query('SELECT name FROM workspaces WHERE id = $1', [id]))[0]?.name;

  describe('PATCH /api/v1/workspaces/{workspace_id}', () => {
    const rename = async (headers: Record<string, string>, id: string, body: unknown, query = '') =>
      t.request({ method: 'PATCH', url: `/api/v1/workspaces/${id}${query}`, headers, body });

    it('renames for the owner; memberships are null unless expanded', async () => {
      const { workspaceId, users } = await team(t);
      const response = await rename(await as(users.owner), workspaceId, { name: 'Renamed 🚀' });
      expect(response.status).toBe(200);
      assertMatchesContract('UpdateWorkspaceNameResponseDto', response.body);
      expect(response.body).toMatchObject({ id: workspaceId, name: 'Renamed 🚀', memberships: null });
      expect(Date.parse(response.body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(response.body.createdAt));
      expect(await storedName(workspaceId)).toBe('Renamed 🚀');
    });

    it('returns the memberships with expand=workspaceMemberships', async () => {
      const { workspaceId, users, memberships } = await team(t);
      const response = await rename(await as(users.admin), workspaceId, { name: 'By admin' }, '?expand=workspaceMemberships');
      expect(response.status).toBe(200);
      assertMatchesContract('UpdateWorkspaceNameResponseDto', response.body);
      expect(
        response.body.memberships.map((m: { id: string; userId: string; privileges: string[] }) => [m.id, m.userId, m.privileges]),
      ).toEqual([
        [memberships.owner, users.owner, ['ROLE_WORKSPACE_OWNER']],
        [memberships.admin, users.admin, ['ROLE_WORKSPACE_ADMIN']],
        [memberships.member, users.member, ['ROLE_WORKSPACE_MEMBER']],
      ]);
      expect(Object.keys(response.body.memberships[0]).sort()).toEqual([
        'createdAt',
        'id',
        'privileges',
        'updatedAt',
        'userId',
        'workspaceId',
      ]);
    });

    it('refuses a member with 403 and changes nothing', async () => {
      const { workspaceId, users } = await team(t);
      const response = await rename(await as(users.member), workspaceId, { name: 'Nope' });
      expect(response.status).toBe(403);
      expect(response.body).toEqual({ detail: 'Only owners and admins may rename the workspace' });
      expect(await storedName(workspaceId)).toBe('Team');
    });

    it('answers 404 with the contract body for an unknown workspace and for a non-member alike', async () => {
      const { workspaceId } = await team(t);
      const outsider = await as(newUserId('outsider'));
      const unknown = await rename(outsider, UNKNOWN_ID, { name: 'x' });
      const foreign = await rename(outsider, workspaceId, { name: 'x' });
      expect([unknown.status, foreign.status]).toEqual([404, 404]);
      expect(unknown.body).toEqual(NOT_FOUND);
      expect(foreign.body).toEqual(NOT_FOUND);
      expect(foreign.text).toBe(unknown.text);
      expect(await storedName(workspaceId)).toBe('Team');
    });

    it.each([
      ['an empty name', {}, '', { loc: ['body', 'name'], type: 'missing' }],
      ['a 129-character name', { name: 'x'.repeat(129) }, '', { loc: ['body', 'name'], type: 'string_too_long' }],
      ['an unknown expand', { name: 'ok' }, '?expand=users', { loc: ['query', 'expand'], type: 'literal_error' }],
    ])('refuses %s with 422', async (_label, body, query, issue) => {
      const { workspaceId, users } = await team(t);
      const response = await rename(await as(users.owner), workspaceId, body, query);
      expect(response.status).toBe(422);
      assertMatchesContract('HTTPValidationError', response.body);
      expect(response.body.detail).toEqual([expect.objectContaining(issue)]);
      expect(await storedName(workspaceId)).toBe('Team');
    });

    it('refuses a workspace id that is not a UUID with 422', async () => {
      const response = await rename(await as(newUserId()), 'not-a-uuid', { name: 'x' });
      expect(response.status).toBe(422);
      expect(response.body.detail).toEqual([
        {
          loc: ['path', 'workspace_id'],
          msg: 'Input should be a valid UUID, invalid group count: expected 5, found 3',
          type: 'uuid_parsing',
        },
      ]);
    });
  });

  describe('DELETE /api/v1/workspaces/{workspace_id}', () => {
    const remove = async (userId: string, id: string) =>
      t.request({ method: 'DELETE', url: `/api/v1/workspaces/${id}`, headers: await as(userId) });
    const rows = async (workspaceId: string) =>
      (
        await t.dataSource.query(
          `SELECT (SELECT count(*) FROM workspaces WHERE id = $1)::int AS workspaces,
                  (SELECT count(*) FROM workspace_memberships WHERE workspace_id = $1)::int AS memberships,
                  (SELECT count(*) FROM workspace_access_tokens t JOIN workspace_memberships m ON m.id = t.membership_id
                    WHERE m.workspace_id = $1)::int AS tokens`,
          [workspaceId],
        )
      )[0];

    it('deleting while members are being added: each add before the delete is undone with it, each after is a 404, nothing is left', async () => {
      for (let round = 0; round < 3; round++) {
        const { workspaceId, users } = await team(t);
        const add = async (i: number) =>
          t.request({
            method: 'POST',
            url: '/api/v1/workspace-memberships',
            headers: await as(users.admin),
            body: { workspaceId, userId: newUserId(`racing-${i}`) },
          });
        const [deleted, ...adds] = await Promise.all([remove(users.owner, workspaceId), ...Array.from({ length: 6 }, (_, i) => add(i))]);
        expect(deleted.status).toBe(204);
        for (const answer of adds) expect([200, 404]).toContain(answer.status);
        expect(await rows(workspaceId)).toEqual({ workspaces: 0, memberships: 0, tokens: 0 });
        // The audit log: every membership that was added ended with the workspace, before it.
        const events = (
          await t.dataSource.query(`SELECT type, data->>'userId' AS "userId" FROM events WHERE workspace_id = $1 ORDER BY position`, [
            workspaceId,
          ])
        ).map((e: { type: string; userId: string | null }) => [e.type, e.userId]);
        const added = events.filter(([type]: string[]) => type === 'membership.added').map(([, userId]: string[]) => userId);
        const ended = events.filter(([type]: string[]) => type === 'membership.removed').map(([, userId]: string[]) => userId);
        expect(added).toHaveLength(adds.filter((answer) => answer.status === 200).length + 2);
        expect(new Set(ended)).toEqual(new Set([users.owner, ...added]));
        expect(events.at(-1)).toEqual(['workspace.deleted', null]);
      }
    });

    it('deletes for the owner: 204, with its memberships and their tokens; the tokens stop working', async () => {
      const { workspaceId, users } = await team(t);
      const token = await mintToken(t, users.member, workspaceId);
      expect(await rows(workspaceId)).toEqual({ workspaces: 1, memberships: 3, tokens: 1 });
      const response = await remove(users.owner, workspaceId);
      expect(response.status).toBe(204);
      expect(response.text).toBe('');
      expect(await rows(workspaceId)).toEqual({ workspaces: 0, memberships: 0, tokens: 0 });
      const withToken = await t.request({ method: 'GET', url: '/api/v1/workspaces', headers: basic(token.secret) });
      expect(withToken.status).toBe(401);
    });

    it.each(['admin', 'member'] as const)('refuses the %s with 403 and deletes nothing', async (role) => {
      const { workspaceId, users } = await team(t);
      const response = await remove(users[role], workspaceId);
      expect(response.status).toBe(403);
      expect(response.body).toEqual({ detail: 'Only owners may delete the workspace' });
      expect((await rows(workspaceId)).memberships).toBe(3);
    });

    it('answers 404 to a non-member', async () => {
      const { workspaceId } = await team(t);
      const response = await remove(newUserId('outsider'), workspaceId);
      expect(response.status).toBe(404);
      expect(response.body).toEqual(NOT_FOUND);
      expect((await rows(workspaceId)).workspaces).toBe(1);
    });
  });

  describe('GET /api/v1/workspaces/{workspace_id} and Location', () => {
    it('create answers with a Location that GET follows', async () => {
      const owner = newUserId('owner');
      const created = await t.request({
        method: 'POST',
        url: '/api/v1/workspaces',
        headers: await as(owner),
        body: { name: 'Located', billingAccountEmail: 'b@example.com' },
      });
      expect(created.headers.location).toBe(`/api/v1/workspaces/${created.body.id}`);
      const fetched = await t.request({ method: 'GET', url: String(created.headers.location), headers: await as(owner) });
      expect(fetched.status).toBe(200);
      assertMatchesContract('UpdateWorkspaceNameResponseDto', fetched.body);
      expect(fetched.body).toEqual({
        id: created.body.id,
        createdAt: created.body.createdAt,
        updatedAt: created.body.updatedAt,
        name: 'Located',
        memberships: null,
      });
    });

    it('answers 404 to a non-member, exactly as for an unknown id', async () => {
      const { workspaceId } = await team(t);
      const outsider = await as(newUserId('outsider'));
      const foreign = await t.request({ method: 'GET', url: `/api/v1/workspaces/${workspaceId}`, headers: outsider });
      const unknown = await t.request({ method: 'GET', url: `/api/v1/workspaces/${UNKNOWN_ID}`, headers: outsider });
      expect([foreign.status, unknown.status]).toEqual([404, 404]);
      expect(foreign.text).toBe(unknown.text);
    });
  });

  describe('GET /api/v1/workspaces', () => {
    it('lists the caller’s workspaces only, page by page with nextCursor', async () => {
      const user = newUserId('lister');
      const created: string[] = [];
      for (let i = 0; i < 5; i++) created.push((await createWorkspace(t, user, `W${i}`)).id);
      await createWorkspace(t, newUserId('other'));

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const query: string = cursor ? `?limit=2&cursor=${cursor}` : '?limit=2';
        const response = await t.request({ method: 'GET', url: `/api/v1/workspaces${query}`, headers: await as(user) });
        expect(response.status).toBe(200);
        for (const workspace of response.body.data) assertMatchesContract('WorkspaceDto', workspace);
        expect(response.body.data.length).toBeLessThanOrEqual(2);
        seen.push(...response.body.data.map((w: { id: string }) => w.id));
        cursor = response.body.nextCursor;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      // Joined in this order; two joins in the same millisecond are ordered by workspace id instead.
      expect(seen).toHaveLength(5);
      expect(new Set(seen)).toEqual(new Set(created));
    });

    it('gives each workspace its member count (beyond the reference API), kept with every change, concurrent ones too', async () => {
      const { workspaceId, users, memberships } = await team(t);
      const countOf = async () => {
        const response = await t.request({ method: 'GET', url: `/api/v1/workspaces?limit=100`, headers: await as(users.owner) });
        return response.body.data.find((w: { id: string }) => w.id === workspaceId).memberCount as number;
      };
      const stored = async () =>
        Number(
          (await t.dataSource.query(`SELECT count(*)::int AS n FROM workspace_memberships WHERE workspace_id = $1`, [workspaceId]))[0].n,
        );
      expect(await countOf()).toBe(3);
      const adds = await Promise.all(
        Array.from({ length: 8 }, async (_, i) =>
          t.request({
            method: 'POST',
            url: '/api/v1/workspace-memberships',
            headers: await as(users.owner),
            body: { workspaceId, userId: newUserId(`counted-${i}`) },
          }),
        ),
      );
      expect(adds.map((r) => r.status)).toEqual(Array(8).fill(200));
      const left = await t.request({
        method: 'DELETE',
        url: `/api/v1/workspace-memberships/${memberships.member}`,
        headers: await as(users.member),
      });
      expect(left.status).toBe(204);
      expect([await countOf(), await stored()]).toEqual([10, 10]);
    });

    it('with an access token, lists only the token’s workspace', async () => {
      const user = newUserId('scoped');
      const first = await createWorkspace(t, user, 'First');
      await createWorkspace(t, user, 'Second');
      const token = await mintToken(t, user, first.id);
      const response = await t.request({ method: 'GET', url: '/api/v1/workspaces', headers: basic(token.secret) });
      expect(response.status).toBe(200);
      expect(response.body.data.map((w: { id: string }) => w.id)).toEqual([first.id]);
    });

    it.each([
      ['limit=0', { loc: ['query', 'limit'], type: 'greater_than_equal' }],
      ['limit=101', { loc: ['query', 'limit'], type: 'less_than_equal' }],
      ['limit=ten', { loc: ['query', 'limit'], type: 'int_parsing' }],
      ['cursor=garbage', { loc: ['query', 'cursor'], type: 'value_error' }],
    ])('refuses %s with 422', async (query, issue) => {
      const response = await t.request({ method: 'GET', url: `/api/v1/workspaces?${query}`, headers: await as(newUserId()) });
      expect(response.status).toBe(422);
      expect(response.body.detail).toEqual([expect.objectContaining(issue)]);
    });
  });
});
