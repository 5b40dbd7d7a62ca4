import { randomUUID } from 'node:crypto';
import { EventRetention } from '../../src/events/infrastructure/event-retention.js';
import { eventually } from '../support/smtp-sink.js';
import { basic, bearer } from '../support/test-auth.js';
import { usesPostgres } from '../support/test-database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { addMember, mintToken, newUserId, team } from '../support/workspace-fixtures.js';

describe('The audit log: GET /api/v1/workspaces/{workspace_id}/events', () => {
  let t: TestApp;
  let ws: Awaited<ReturnType<typeof team>>;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });
  beforeEach(async () => {
    ws = await team(t);
  });

  const events = (workspaceId: string, headers: Record<string, string>, query = '') =>
    t.request({ method: 'GET', url: `/api/v1/workspaces/${workspaceId}/events${query}`, headers });

  it('owners and admins read it, newest first; members get 403; outsiders and other workspaces’ tokens 404', async () => {
    const owner = await events(ws.workspaceId, await bearer(ws.users.owner));
    expect(owner.status).toBe(200);
    expect(owner.body.data.map((e: any) => [e.type, e.data.userId])).toEqual([
      ['membership.added', ws.users.member],
      ['membership.added', ws.users.admin],
      ['workspace.created', undefined],
    ]);
    expect(owner.body.data[2].data.owner).toEqual({
      membershipId: ws.memberships.owner,
      userId: ws.users.owner,
      privilege: 'ROLE_WORKSPACE_OWNER',
    });
    expect(owner.body.nextCursor).toBeNull();
    expect(Object.keys(owner.body.data[0]).sort()).toEqual(['actor', 'data', 'id', 'time', 'type', 'workspaceId']);
    expect(owner.body.data[0]).toMatchObject({
      workspaceId: ws.workspaceId,
      actor: { userId: ws.users.owner, accessTokenId: null },
      data: { membershipId: ws.memberships.member, privilege: 'ROLE_WORKSPACE_MEMBER' },
    });

    expect((await events(ws.workspaceId, await bearer(ws.users.admin))).status).toBe(200);
    const adminToken = await mintToken(t, ws.users.admin, ws.workspaceId);
    expect((await events(ws.workspaceId, basic(adminToken.secret))).status).toBe(200);

    const member = await events(ws.workspaceId, await bearer(ws.users.member));
    expect(member.status).toBe(403);
    expect(member.body).toEqual({ detail: 'Only owners and admins may read the audit log' });
    const memberToken = await mintToken(t, ws.users.member, ws.workspaceId);
    expect((await events(ws.workspaceId, basic(memberToken.secret))).status).toBe(403);

    const outsider = await events(ws.workspaceId, await bearer(newUserId('outsider')));
    expect(outsider.status).toBe(404);
    expect(outsider.body).toEqual({ detail: [{ msg: 'Workspace not found' }] });
    const other = await team(t);
    expect((await events(other.workspaceId, basic(adminToken.secret))).status).toBe(404);
    expect((await events(randomUUID(), await bearer(ws.users.owner))).status).toBe(404);
    expect((await events(ws.workspaceId, {})).status).toBe(401);
  });

  it('shows the billing address to owners only: admins read workspace.created without it', async () => {
    const created = (body: any) => body.data.find((e: any) => e.type === 'workspace.created');
    const owner = await events(ws.workspaceId, await bearer(ws.users.owner));
    expect(created(owner.body).data).toEqual({
      name: 'Team',
      billingAccountEmail: 'billing@example.com',
      owner: { membershipId: ws.memberships.owner, userId: ws.users.owner, privilege: 'ROLE_WORKSPACE_OWNER' },
    });
    for (const headers of [await bearer(ws.users.admin), basic((await mintToken(t, ws.users.admin, ws.workspaceId)).secret)]) {
      const admin = await events(ws.workspaceId, headers);
      expect(admin.status).toBe(200);
      expect(created(admin.body).data).toEqual({
        name: 'Team',
        owner: { membershipId: ws.memberships.owner, userId: ws.users.owner, privilege: 'ROLE_WORKSPACE_OWNER' },
      });
      expect(admin.text).not.toContain('billing@example.com');
    }
  });

  it('hands out cursors that say nothing of other workspaces: not the global position, far apart, and only this workspace’s pages', async () => {
    for (let index = 0; index < 4; index++)
      await addMember(t, ws.users.owner, ws.workspaceId, newUserId(`c${index}`), 'ROLE_WORKSPACE_MEMBER');
    const headers = await bearer(ws.users.owner);
    const markOf = (cursor: string) => Number(/^e(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString())![1]);
    const pages: { lastId: string; mark: number }[] = [];
    let cursor: string | null = null;
    do {
      const response = await events(ws.workspaceId, headers, `?limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      cursor = response.body.nextCursor;
      if (cursor) pages.push({ lastId: response.body.data[0].id, mark: markOf(cursor) });
    } while (cursor);
    expect(pages).toHaveLength(6);
    for (const { lastId, mark } of pages) {
      const [{ position }] = await t.dataSource.query(`SELECT position FROM events WHERE id = $1`, [lastId]);
      expect(Math.abs(mark - Number(position))).toBeGreaterThan(1_000_000);
    }
    // Consecutive events' marks are not consecutive numbers (the difference of two would count other workspaces' events).
    for (let i = 1; i < pages.length; i++) expect(Math.abs(pages[i].mark - pages[i - 1].mark)).toBeGreaterThan(1_000_000);

    // A cursor of this workspace, sent to another one the caller owns, pages only that workspace's events.
    const other = await team(t);
    await addMember(t, other.users.owner, other.workspaceId, ws.users.owner, 'ROLE_WORKSPACE_OWNER');
    const foreign = await events(other.workspaceId, headers, `?cursor=${Buffer.from(`e${pages[0].mark}`).toString('base64url')}`);
    expect(foreign.status).toBe(200);
    for (const event of foreign.body.data) expect(event.workspaceId).toBe(other.workspaceId);
  });

  it('names the access token that acted', async () => {
    const token = await mintToken(t, ws.users.admin, ws.workspaceId);
    const added = newUserId('via-token');
    const response = await t.request({
      method: 'POST',
      url: '/api/v1/workspace-memberships',
      headers: basic(token.secret),
      body: { workspaceId: ws.workspaceId, userId: added, privileges: ['ROLE_WORKSPACE_MEMBER'] },
    });
    expect(response.status).toBe(200);
    const [latest, minted] = (await events(ws.workspaceId, await bearer(ws.users.owner), '?limit=2')).body.data;
    expect(latest).toMatchObject({
      type: 'membership.added',
      actor: { userId: ws.users.admin, accessTokenId: token.id },
      data: { userId: added },
    });
    expect(minted).toMatchObject({
      type: 'access_token.created',
      actor: { userId: ws.users.admin, accessTokenId: null },
      data: { accessTokenId: token.id, kind: 'workspace', name: 'ci', userId: ws.users.admin, membershipId: ws.memberships.admin },
    });
  });

  it('pages with nextCursor, newest first, every event once', async () => {
    for (let index = 0; index < 7; index++)
      await addMember(t, ws.users.owner, ws.workspaceId, newUserId(`m${index}`), 'ROLE_WORKSPACE_MEMBER');
    const headers = await bearer(ws.users.owner);
    const all = (await events(ws.workspaceId, headers, '?limit=100')).body.data.map((e: any) => e.id);
    expect(all).toHaveLength(10);
    const paged: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const response = await events(ws.workspaceId, headers, `?limit=3${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.status).toBe(200);
      expect(response.body.data.length).toBeLessThanOrEqual(3);
      paged.push(...response.body.data.map((e: any) => e.id));
      cursor = response.body.nextCursor;
      pages++;
    } while (cursor);
    expect([paged, pages]).toEqual([all, 4]);
    const times = (await events(ws.workspaceId, headers, '?limit=100')).body.data.map((e: any) => Date.parse(e.time));
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    // The default page is 20.
    for (let index = 0; index < 11; index++)
      await addMember(t, ws.users.owner, ws.workspaceId, newUserId(`n${index}`), 'ROLE_WORKSPACE_MEMBER');
    const first = await events(ws.workspaceId, headers);
    expect([first.body.data.length, typeof first.body.nextCursor]).toEqual([20, 'string']);
  });

  it('filters by type, one or several (and pages within the filter)', async () => {
    const headers = await bearer(ws.users.owner);
    await t.request({ method: 'PATCH', url: `/api/v1/workspaces/${ws.workspaceId}`, headers, body: { name: 'Renamed' } });
    await t.request({ method: 'DELETE', url: `/api/v1/workspace-memberships/${ws.memberships.member}`, headers });
    const types = async (query: string) => (await events(ws.workspaceId, headers, query)).body.data.map((e: any) => e.type);
    expect(await types('?type=workspace.renamed')).toEqual(['workspace.renamed']);
    expect(await types('?type=membership.removed&type=workspace.created')).toEqual(['membership.removed', 'workspace.created']);
    expect(await types('?type=invitation.accepted')).toEqual([]);
    const page = await events(ws.workspaceId, headers, '?type=membership.added&limit=2');
    expect([page.body.data.map((e: any) => e.data.userId), page.body.nextCursor]).toEqual([[ws.users.member, ws.users.admin], null]);
    const one = await events(ws.workspaceId, headers, '?type=membership.added&limit=1');
    const rest = await events(ws.workspaceId, headers, `?type=membership.added&limit=1&cursor=${one.body.nextCursor}`);
    expect([one.body.data[0].data.userId, rest.body.data.map((e: any) => e.data.userId), rest.body.nextCursor]).toEqual([
      ws.users.member,
      [ws.users.admin],
      null,
    ]);
  });

  it('refuses a bad type, limit or cursor with 422, naming it', async () => {
    const headers = await bearer(ws.users.owner);
    for (const [query, loc] of [
      ['?type=workspace.exploded', ['query', 'type', 0]],
      ['?limit=0', ['query', 'limit']],
      ['?limit=101', ['query', 'limit']],
      ['?cursor=abc', ['query', 'cursor']],
      [`?cursor=${Buffer.from('e0').toString('base64url')}`, ['query', 'cursor']],
      [`?cursor=${Buffer.from('e99999999999999999').toString('base64url')}`, ['query', 'cursor']],
    ] as const) {
      const response = await events(ws.workspaceId, headers, query);
      expect({ query, status: response.status, loc: response.body.detail?.[0]?.loc }).toEqual({ query, status: 422, loc });
    }
    expect((await events('not-a-uuid', headers)).status).toBe(422);
  });

  it('a deleted workspace’s events stay for the retention (readable in the database, not through the API); workspace.deleted is the last', async () => {
    const headers = await bearer(ws.users.owner);
    expect((await t.request({ method: 'DELETE', url: `/api/v1/workspaces/${ws.workspaceId}`, headers })).status).toBe(204);
    expect((await events(ws.workspaceId, headers)).status).toBe(404);
    const rows: { type: string; reason: string | null }[] = await t.dataSource.query(
      `SELECT type, data->>'reason' AS reason FROM events WHERE workspace_id = $1 ORDER BY position`,
      [ws.workspaceId],
    );
    expect(rows.map((row) => [row.type, row.reason])).toEqual([
      ['workspace.created', null],
      ['membership.added', null],
      ['membership.added', null],
      ['membership.removed', 'workspace_deleted'],
      ['membership.removed', 'workspace_deleted'],
      ['membership.removed', 'workspace_deleted'],
      ['workspace.deleted', null],
    ]);
  });

  it('removes events past EVENTS_RETENTION_DAYS (at start, then every hour), and keeps the others', async () => {
    const old = randomUUID();
    const recent = randomUUID();
    const insert = (id: string, daysAgo: number) =>
      t.dataSource.query(
        `INSERT INTO events (id, type, occurred_at, workspace_id, actor_user_id, data)
         VALUES ($1, 'workspace.renamed', now() - $2 * interval '1 day', $3, 'someone', '{}')`,
        [id, daysAgo, ws.workspaceId],
      );
    await insert(old, 366);
    await insert(recent, 364);
    expect(await t.app.get(EventRetention).removeExpired()).toBeGreaterThanOrEqual(1);
    const left = async () =>
      (await t.dataSource.query(`SELECT id FROM events WHERE id = ANY($1)`, [[old, recent]])).map((row: any) => row.id);
    expect(await left()).toEqual([recent]);

    // A replica with a shorter retention removes it when it starts (a second app shares only PostgreSQL's database).
    if (!usesPostgres()) return;
    const short = await startTestApp({ EVENTS_RETENTION_DAYS: '300' });
    try {
      await eventually(async () => (await left()).length === 0, 10_000, 'the cleanup at start');
    } finally {
      await short.close();
    }
  });
});
