import { randomUUID } from 'node:crypto';
import { WORKSPACE_ACTION_NAMES, type WorkspaceAction } from '../../src/authorization/domain/workspace-actions.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { basic, bearer } from '../support/test-auth.js';
import { addMember, createWorkspace, mintToken, newUserId, team } from '../support/workspace-fixtures.js';

type Team = Awaited<ReturnType<typeof team>>;
type Who = 'owner' | 'admin' | 'member' | 'outsider';

describe('Authorization checks: POST /api/v1/authorization/check, GET /api/v1/authorization/workspaces', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  const check = async (actor: Record<string, string>, checks: unknown[]) =>
    t.request({ method: 'POST', url: '/api/v1/authorization/check', headers: actor, body: { checks } });

  const CHECK_SCOPE = { scope: 'workspaces:check' };

  /**
   * What doing the action through its endpoint answers, for `userId` in the team's workspace: each
   * attempt prepares what it acts on (as the owner), so that one role's success leaves the next
   * role's attempt the same situation.
   */
  const attempts: Record<WorkspaceAction, (w: Team, userId: string) => Promise<boolean>> = {
    'workspace.read': async (w, userId) => (await get(userId, `/api/v1/workspaces/${w.workspaceId}`)) === 200,
    'workspace.rename': async (w, userId) =>
      (await send(userId, 'PATCH', `/api/v1/workspaces/${w.workspaceId}`, { name: 'renamed' })) === 200,
    'workspace.delete': async (w, userId) => (await send(userId, 'DELETE', `/api/v1/workspaces/${w.workspaceId}`)) === 204,
    'membership.add': async (w, userId) => {
      const admin = await send(userId, 'POST', '/api/v1/workspace-memberships', add(w, 'ROLE_WORKSPACE_ADMIN'));
      const member = await send(userId, 'POST', '/api/v1/workspace-memberships', add(w, 'ROLE_WORKSPACE_MEMBER'));
      return admin === 200 && member === 200;
    },
    'membership.add_owner': async (w, userId) =>
      (await send(userId, 'POST', '/api/v1/workspace-memberships', add(w, 'ROLE_WORKSPACE_OWNER'))) === 200,
    'membership.remove': async (w, userId) => {
      const admin = await addMember(t, w.users.owner, w.workspaceId, newUserId('target'), 'ROLE_WORKSPACE_ADMIN');
      const member = await addMember(t, w.users.owner, w.workspaceId, newUserId('target'), 'ROLE_WORKSPACE_MEMBER');
      const removedAdmin = await send(userId, 'DELETE', `/api/v1/workspace-memberships/${admin}`);
      const removedMember = await send(userId, 'DELETE', `/api/v1/workspace-memberships/${member}`);
      return removedAdmin === 204 && removedMember === 204;
    },
    'membership.remove_owner': async (w, userId) => {
      const owner = await addMember(t, w.users.owner, w.workspaceId, newUserId('target'), 'ROLE_WORKSPACE_OWNER');
      return (await send(userId, 'DELETE', `/api/v1/workspace-memberships/${owner}`)) === 204;
    },
    'membership.leave': async (w, userId) => {
      // A second owner, so that the owner's leaving is not the last owner's (a 409 whoever asks).
      await addMember(t, w.users.owner, w.workspaceId, newUserId('second-owner'), 'ROLE_WORKSPACE_OWNER');
      const own = Object.entries(w.users).find(([, id]) => id === userId)?.[0] as keyof Team['memberships'] | undefined;
      const membership = own ? w.memberships[own] : w.memberships.member;
      return (await send(userId, 'DELETE', `/api/v1/workspace-memberships/${membership}`)) === 204;
    },
    'access_token.manage_own': async (w, userId) =>
      (await send(userId, 'POST', `/api/v1/workspaces/${w.workspaceId}/access-tokens`, { name: 'own' })) === 201,
    'access_token.manage_members': async (w, userId) => {
      const results = [];
      for (const role of ['ROLE_WORKSPACE_ADMIN', 'ROLE_WORKSPACE_MEMBER'] as const) {
        const holder = newUserId('holder');
        await addMember(t, w.users.owner, w.workspaceId, holder, role);
        const token = await mintToken(t, holder, w.workspaceId);
        results.push(await send(userId, 'DELETE', `/api/v1/workspaces/${w.workspaceId}/access-tokens/${token.id}`));
      }
      return results.every((status) => status === 204);
    },
    'invitation.create': async (w, userId) => {
      const admin = await send(userId, 'POST', `/api/v1/workspaces/${w.workspaceId}/invites`, invite('ROLE_WORKSPACE_ADMIN'));
      const member = await send(userId, 'POST', `/api/v1/workspaces/${w.workspaceId}/invites`, invite('ROLE_WORKSPACE_MEMBER'));
      return admin === 201 && member === 201;
    },
    'invitation.create_owner': async (w, userId) =>
      (await send(userId, 'POST', `/api/v1/workspaces/${w.workspaceId}/invites`, invite('ROLE_WORKSPACE_OWNER'))) === 201,
    'invitation.list': async (w, userId) => (await get(userId, `/api/v1/workspaces/${w.workspaceId}/invites`)) === 200,
    'invitation.revoke': async (w, userId) => {
      const results = [];
      for (const role of ['ROLE_WORKSPACE_ADMIN', 'ROLE_WORKSPACE_MEMBER'] as const) {
        const created = await t.request({
          method: 'POST',
          url: `/api/v1/workspaces/${w.workspaceId}/invites`,
          headers: await bearer(w.users.owner),
          body: invite(role),
        });
        results.push(await send(userId, 'DELETE', `/api/v1/workspaces/${w.workspaceId}/invites/${created.body.id}`));
      }
      return results.every((status) => status === 200);
    },
    'audit_log.read': async (w, userId) => (await get(userId, `/api/v1/workspaces/${w.workspaceId}/events`)) === 200,
  };

  const add = (w: Team, role: string) => ({ workspaceId: w.workspaceId, userId: newUserId('added'), privileges: [role] });
  const invite = (privilege: string) => ({ email: `${randomUUID()}@example.com`, privilege });
  const get = async (userId: string, url: string) => (await t.request({ method: 'GET', url, headers: await bearer(userId) })).status;
  const send = async (userId: string, method: 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown) =>
    (await t.request({ method, url, headers: await bearer(userId), body })).status;

  it('lists exactly the actions it can be tested against', () => {
    expect(Object.keys(attempts).sort()).toEqual([...WORKSPACE_ACTION_NAMES].sort());
  });

  describe.each(WORKSPACE_ACTION_NAMES)('%s: the answer is what the endpoint does', (action) => {
    it('for an outsider, a member, an admin and an owner', async () => {
      const w = await team(t);
      const users: Record<Who, string> = { ...w.users, outsider: newUserId('outsider') };
      // The least allowed first: a refusal changes nothing, and only the owner may delete the workspace.
      for (const who of ['outsider', 'member', 'admin', 'owner'] as const) {
        const answer = await check(await bearer(users[who]), [{ workspaceId: w.workspaceId, action }]);
        expect(answer.status).toBe(200);
        const did = await attempts[action](w, users[who]);
        expect({ who, allowed: answer.body.results[0].allowed }).toEqual({ who, allowed: did });
        const role = who === 'outsider' ? null : `ROLE_WORKSPACE_${who.toUpperCase()}`;
        expect(answer.body.results[0]).toEqual({ correlationId: null, allowed: did, privilege: role });
      }
    });
  });

  it('answers a batch in the order asked; an unknown workspace and a foreign one answer alike', async () => {
    const w = await team(t);
    const foreign = await createWorkspace(t, newUserId('stranger'));
    const unknown = randomUUID();
    const questions = Array.from({ length: 100 }, (_, i) => {
      const workspaceId = [w.workspaceId, foreign.id, unknown][i % 3];
      const action = WORKSPACE_ACTION_NAMES[i % WORKSPACE_ACTION_NAMES.length];
      return { correlationId: `q${i}`, workspaceId, action };
    });
    const answer = await check(await bearer(w.users.admin), questions);
    expect(answer.status).toBe(200);
    expect(answer.body.results).toHaveLength(100);
    answer.body.results.forEach((result: { correlationId: string; allowed: boolean; privilege: string | null }, i: number) => {
      expect(result.correlationId).toBe(`q${i}`);
      if (i % 3 === 0) expect(result.privilege).toBe('ROLE_WORKSPACE_ADMIN');
      else expect(result).toEqual({ correlationId: `q${i}`, allowed: false, privilege: null });
    });
  });

  describe('whom a caller may ask about', () => {
    it('itself, by omitting userId or naming itself; another user only with the check scope (403 without)', async () => {
      const w = await team(t);
      const own = await check(await bearer(w.users.member), [
        { workspaceId: w.workspaceId, action: 'workspace.read' },
        { workspaceId: w.workspaceId, userId: w.users.member, action: 'workspace.rename' },
      ]);
      expect(own.body.results.map((r: { allowed: boolean }) => r.allowed)).toEqual([true, false]);

      const other = await check(await bearer(w.users.member), [
        { workspaceId: w.workspaceId, userId: w.users.owner, action: 'workspace.delete' },
      ]);
      expect(other.status).toBe(403);
      expect(other.body).toEqual({ detail: 'Checking what another user may do needs the workspaces:check scope on a bearer token' });

      const scoped = await check(await bearer(newUserId('gateway'), CHECK_SCOPE), [
        { workspaceId: w.workspaceId, userId: w.users.owner, action: 'workspace.delete' },
        { workspaceId: w.workspaceId, userId: w.users.admin, action: 'workspace.delete' },
        { workspaceId: w.workspaceId, userId: newUserId('nobody'), action: 'workspace.read' },
      ]);
      expect(scoped.status).toBe(200);
      expect(scoped.body.results).toEqual([
        { correlationId: null, allowed: true, privilege: 'ROLE_WORKSPACE_OWNER' },
        { correlationId: null, allowed: false, privilege: 'ROLE_WORKSPACE_ADMIN' },
        { correlationId: null, allowed: false, privilege: null },
      ]);
    });

    it('a workspace access token: its member inside its own workspace, an outsider elsewhere, never another user', async () => {
      const w = await team(t);
      const elsewhere = await createWorkspace(t, w.users.admin);
      const token = await mintToken(t, w.users.admin, w.workspaceId);
      const answer = await check(basic(token.secret), [
        { workspaceId: w.workspaceId, action: 'workspace.rename' },
        { workspaceId: elsewhere.id, action: 'workspace.read' },
      ]);
      expect(answer.body.results).toEqual([
        { correlationId: null, allowed: true, privilege: 'ROLE_WORKSPACE_ADMIN' },
        { correlationId: null, allowed: false, privilege: null },
      ]);
      const other = await check(basic(token.secret), [{ workspaceId: w.workspaceId, userId: w.users.owner, action: 'workspace.read' }]);
      expect(other.status).toBe(403);
    });

    it('needs credentials', async () => {
      const answer = await check({}, [{ workspaceId: randomUUID(), action: 'workspace.read' }]);
      expect(answer.status).toBe(401);
    });
  });

  describe('bad questions get 422 with every problem, in pydantic’s words', () => {
    const ask = async (body: unknown) =>
      t.request({ method: 'POST', url: '/api/v1/authorization/check', headers: await bearer(newUserId('asker')), body });

    it('more than 100 questions, none, or not a list', async () => {
      const one = { workspaceId: randomUUID(), action: 'workspace.read' };
      const tooMany = await ask({ checks: Array(101).fill(one) });
      expect(tooMany.status).toBe(422);
      expect(tooMany.body.detail).toEqual([
        expect.objectContaining({
          type: 'too_long',
          loc: ['body', 'checks'],
          msg: 'List should have at most 100 items after validation, not 101',
        }),
      ]);
      const none = await ask({ checks: [] });
      expect(none.body.detail).toEqual([
        expect.objectContaining({
          type: 'too_short',
          loc: ['body', 'checks'],
          msg: 'List should have at least 1 item after validation, not 0',
        }),
      ]);
      expect((await ask({ checks: 'all' })).body.detail).toEqual([expect.objectContaining({ type: 'list_type', loc: ['body', 'checks'] })]);
      expect((await ask({})).body.detail).toEqual([expect.objectContaining({ type: 'missing', loc: ['body', 'checks'] })]);
    });

    it('a question that is not an object, an unknown action, a bad workspace id, an unstorable user id', async () => {
      const answer = await ask({
        checks: [
          7,
          { workspaceId: randomUUID(), action: 'workspace.fly' },
          { workspaceId: 'not-a-uuid', action: 'workspace.read' },
          { workspaceId: randomUUID(), userId: 'a\u0000b', action: 'workspace.read' },
          { workspaceId: randomUUID(), correlationId: 'x'.repeat(129), action: 'workspace.read' },
        ],
      });
      expect(answer.status).toBe(422);
      const problems = answer.body.detail.map((issue: { type: string; loc: unknown[] }) => [issue.type, issue.loc]);
      expect(problems).toEqual([
        ['model_type', ['body', 'checks', 0]],
        ['enum', ['body', 'checks', 1, 'action']],
        ['uuid_parsing', ['body', 'checks', 2, 'workspaceId']],
        ['value_error', ['body', 'checks', 3, 'userId']],
        ['string_too_long', ['body', 'checks', 4, 'correlationId']],
      ]);
      expect(answer.body.detail[0].msg).toBe('Input should be a valid dictionary or instance of AuthorizationCheck');
      expect(answer.body.detail[1].msg).toMatch(/^Input should be 'workspace\.read', /);
    });
  });

  describe('GET /api/v1/authorization/workspaces: where a user may do an action', () => {
    it('the workspaces whose role allows it, in join order, a page at a time', async () => {
      const user = newUserId('many-roles');
      const roles = [
        'ROLE_WORKSPACE_MEMBER',
        'ROLE_WORKSPACE_ADMIN',
        'ROLE_WORKSPACE_OWNER',
        'ROLE_WORKSPACE_MEMBER',
        'ROLE_WORKSPACE_ADMIN',
      ] as const;
      const workspaces: string[] = [];
      for (const role of roles) {
        if (role === 'ROLE_WORKSPACE_OWNER') workspaces.push((await createWorkspace(t, user)).id);
        else {
          const owner = newUserId('owner');
          const created = await createWorkspace(t, owner);
          await addMember(t, owner, created.id, user, role);
          workspaces.push(created.id);
        }
      }
      const list = async (query: string, actor = user, scope?: { scope: string }) =>
        t.request({ method: 'GET', url: `/api/v1/authorization/workspaces?${query}`, headers: await bearer(actor, scope) });

      const renamable = await list('action=workspace.rename');
      expect(renamable.status).toBe(200);
      expect(renamable.body).toEqual({
        data: [
          { workspaceId: workspaces[1], privilege: 'ROLE_WORKSPACE_ADMIN' },
          { workspaceId: workspaces[2], privilege: 'ROLE_WORKSPACE_OWNER' },
          { workspaceId: workspaces[4], privilege: 'ROLE_WORKSPACE_ADMIN' },
        ],
        nextCursor: null,
      });
      expect((await list('action=workspace.delete')).body.data).toEqual([
        { workspaceId: workspaces[2], privilege: 'ROLE_WORKSPACE_OWNER' },
      ]);
      expect((await list('action=workspace.read')).body.data.map((e: { workspaceId: string }) => e.workspaceId)).toEqual(workspaces);

      const pages: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { data: { workspaceId: string }[]; nextCursor: string | null } } = await list(
          `action=workspace.rename&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
        );
        pages.push(...page.body.data.map((entry) => entry.workspaceId));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(pages).toEqual([workspaces[1], workspaces[2], workspaces[4]]);

      expect((await list(`action=workspace.rename&user_id=${user}`, newUserId('someone'))).status).toBe(403);
      const scoped = await list(`action=workspace.delete&user_id=${user}`, newUserId('gateway'), CHECK_SCOPE);
      expect(scoped.body.data).toEqual([{ workspaceId: workspaces[2], privilege: 'ROLE_WORKSPACE_OWNER' }]);
      expect((await list('action=workspace.rename&cursor=bogus')).status).toBe(422);
      expect((await list('action=nothing')).status).toBe(422);
      expect((await list('')).status).toBe(422);
    });
  });

  it('reflects a change answered before it: a member removed, a workspace deleted, a token deleted', async () => {
    const w = await team(t);
    const token = await mintToken(t, w.users.member, w.workspaceId);
    const asGateway = await bearer(newUserId('gateway'), CHECK_SCOPE);
    const memberRead = { workspaceId: w.workspaceId, userId: w.users.member, action: 'workspace.read' };
    expect((await check(asGateway, [memberRead])).body.results[0].allowed).toBe(true);
    expect((await check(basic(token.secret), [{ workspaceId: w.workspaceId, action: 'workspace.read' }])).status).toBe(200);

    expect(await send(w.users.owner, 'DELETE', `/api/v1/workspace-memberships/${w.memberships.member}`)).toBe(204);
    expect((await check(asGateway, [memberRead])).body.results[0]).toEqual({ correlationId: null, allowed: false, privilege: null });
    expect((await check(basic(token.secret), [{ workspaceId: w.workspaceId, action: 'workspace.read' }])).status).toBe(401);

    expect(await send(w.users.owner, 'DELETE', `/api/v1/workspaces/${w.workspaceId}`)).toBe(204);
    const adminRead = { workspaceId: w.workspaceId, userId: w.users.admin, action: 'workspace.read' };
    expect((await check(asGateway, [adminRead])).body.results[0]).toEqual({ correlationId: null, allowed: false, privilege: null });
  });
});
