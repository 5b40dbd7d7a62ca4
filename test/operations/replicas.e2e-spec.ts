import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { bearerToken } from '../support/test-auth.js';
import { openTestDataSource, usesPostgres } from '../support/test-database.js';
import { startServiceProcess, type ServiceProcess } from '../support/service-process.js';

// Two real processes on one PostgreSQL database; the embedded database cannot be shared.
(usesPostgres() ? describe : describe.skip)('Two replicas on one database', () => {
  let replicas: ServiceProcess[];
  let db: DataSource;

  beforeAll(async () => {
    replicas = await Promise.all([startServiceProcess(), startServiceProcess()]);
    db = await openTestDataSource();
  }, 60_000);
  afterAll(async () => {
    for (const replica of replicas) replica.child.kill('SIGTERM');
    await Promise.all(replicas.map((replica) => replica.exited));
    await db.destroy();
  });

  const call = async (i: number, userId: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${replicas[i % 2].url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${await bearerToken(userId)}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined };
  };

  it('every acknowledged create and rename through either replica is stored', async () => {
    const user = `replicas-${randomUUID()}`;
    const created = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        call(i, user, 'POST', '/api/v1/workspaces', { name: `r${i}`, billingAccountEmail: 'b@example.com' }),
      ),
    );
    expect(created.map((r) => r.status)).toEqual(Array(40).fill(201));
    const renamed = await Promise.all(
      created.map((r, i) => call(i + 1, user, 'PATCH', `/api/v1/workspaces/${r.body.id}`, { name: `renamed ${i}` })),
    );
    expect(renamed.map((r) => r.status)).toEqual(Array(40).fill(200));
    const rows = await db.query(
      `SELECT w.id, w.name FROM workspaces w JOIN workspace_memberships m ON m.workspace_id = w.id WHERE m.user_id = $1`,
      [user],
    );
    const names = new Map(rows.map((row: { id: string; name: string }) => [row.id, row.name]));
    expect(names.size).toBe(40);
    created.forEach((r, i) => expect(names.get(r.body.id)).toBe(`renamed ${i}`));
  });

  it('member changes through both replicas keep the rules: one membership per user, never no owner', async () => {
    for (let round = 0; round < 5; round++) {
      const first = `owner-a-${randomUUID()}`;
      const second = `owner-b-${randomUUID()}`;
      const workspace = await call(0, first, 'POST', '/api/v1/workspaces', { name: 'shared', billingAccountEmail: 'b@example.com' });
      const newcomer = `newcomer-${randomUUID()}`;
      const adds = await Promise.all(
        [0, 1, 2, 3].map((i) =>
          call(i, first, 'POST', '/api/v1/workspace-memberships', { workspaceId: workspace.body.id, userId: newcomer }),
        ),
      );
      expect(adds.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
      const added = await call(1, first, 'POST', '/api/v1/workspace-memberships', {
        workspaceId: workspace.body.id,
        userId: second,
        privileges: ['ROLE_WORKSPACE_OWNER'],
      });
      // Both owners leave at the same moment, one through each replica.
      const leaves = await Promise.all([
        call(0, first, 'DELETE', `/api/v1/workspace-memberships/${workspace.body.memberships[0].id}`),
        call(1, second, 'DELETE', `/api/v1/workspace-memberships/${added.body.id}`),
      ]);
      expect(leaves.map((r) => r.status).sort()).toEqual([204, 409]);
      const owners = await db.query(
        `SELECT count(*)::int AS n FROM workspace_memberships WHERE workspace_id = $1 AND privilege = 'ROLE_WORKSPACE_OWNER'`,
        [workspace.body.id],
      );
      expect(owners[0].n).toBe(1);
      const newcomerRows = await db.query(`SELECT count(*)::int AS n FROM workspace_memberships WHERE workspace_id = $1 AND user_id = $2`, [
        workspace.body.id,
        newcomer,
      ]);
      expect(newcomerRows[0].n).toBe(1);
    }
  });

  it('an access token deleted through one replica is refused by the other from the next request on, even many at once', async () => {
    const owner = `token-replicas-${randomUUID()}`;
    const member = `token-member-${randomUUID()}`;
    const workspace = await call(0, owner, 'POST', '/api/v1/workspaces', { name: 'tokens', billingAccountEmail: 'b@example.com' });
    const membership = await call(0, owner, 'POST', '/api/v1/workspace-memberships', { workspaceId: workspace.body.id, userId: member });
    const tokenPath = `/api/v1/workspaces/${workspace.body.id}/access-tokens`;
    const ownersToken = await call(0, owner, 'POST', tokenPath, { name: 'owner' });
    const membersToken = await call(0, member, 'POST', tokenPath, { name: 'member' });
    const withToken = (i: number, token: string) =>
      fetch(`${replicas[i].url}/api/v1/workspaces/${workspace.body.id}`, {
        headers: { authorization: `Basic ${Buffer.from(token).toString('base64')}` },
      }).then((r) => r.status);
    const burst = (token: string) => Promise.all(Array.from({ length: 30 }, () => withToken(1, token)));

    // Replica 1 has used both tokens.
    for (const token of [ownersToken.body.tokenString, membersToken.body.tokenString]) {
      expect([await withToken(1, token), await withToken(1, token)]).toEqual([200, 200]);
    }
    // Deleted through replica 0: refused by replica 1 from the moment the DELETE is answered.
    expect((await call(0, owner, 'DELETE', `${tokenPath}/${ownersToken.body.privateToken.id}`)).status).toBe(204);
    expect(await burst(ownersToken.body.tokenString)).toEqual(Array(30).fill(401));
    // A removed membership takes its tokens with it, on every replica.
    expect((await call(0, owner, 'DELETE', `/api/v1/workspace-memberships/${membership.body.id}`)).status).toBe(204);
    expect(await burst(membersToken.body.tokenString)).toEqual(Array(30).fill(401));
  });

  it('an authorization check after a change through one replica reflects it on the other, many at once, under load', async () => {
    const owner = `check-owner-${randomUUID()}`;
    const admin = `check-admin-${randomUUID()}`;
    const member = `check-member-${randomUUID()}`;
    const workspace = await call(0, owner, 'POST', '/api/v1/workspaces', { name: 'checks', billingAccountEmail: 'b@example.com' });
    const workspaceId = workspace.body.id;
    await call(0, owner, 'POST', '/api/v1/workspace-memberships', { workspaceId, userId: admin, privileges: ['ROLE_WORKSPACE_ADMIN'] });
    const membership = await call(0, owner, 'POST', '/api/v1/workspace-memberships', { workspaceId, userId: member });
    const adminsToken = await call(0, admin, 'POST', `/api/v1/workspaces/${workspaceId}/access-tokens`, { name: 'admin' });

    const gateway = `Bearer ${await bearerToken(`gateway-${randomUUID()}`, { scope: 'workspaces:check' })}`;
    const ask = (i: number, authorization: string, checks: unknown[]) =>
      fetch(`${replicas[i].url}/api/v1/authorization/check`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify({ checks }),
      }).then(async (r) => ({ status: r.status, body: r.status === 200 ? ((await r.json()) as { results: unknown[] }) : undefined }));
    const burst = (authorization: string, checks: unknown[]) =>
      Promise.all(Array.from({ length: 30 }, () => ask(1, authorization, checks)));
    const answers = (responses: { status: number; body?: { results: unknown[] } }[]) =>
      responses.map((r) => r.body?.results[0] ?? r.status);
    const outsider = { correlationId: null, allowed: false, privilege: null };

    // Load on both replicas for the whole test: creates and reads.
    let loading = true;
    const load = Promise.all(
      Array.from({ length: 8 }, async (_, n) => {
        while (loading)
          await call(n, `check-load-${n}`, 'POST', '/api/v1/workspaces', { name: 'load', billingAccountEmail: 'b@example.com' });
      }),
    );
    try {
      const memberReads = [{ workspaceId, userId: member, action: 'workspace.read' }];
      const adminRenames = [{ workspaceId, userId: admin, action: 'workspace.rename' }];
      expect(answers(await burst(gateway, memberReads))).toEqual(
        Array(30).fill({ ...outsider, allowed: true, privilege: 'ROLE_WORKSPACE_MEMBER' }),
      );
      const adminsBasic = `Basic ${Buffer.from(adminsToken.body.tokenString).toString('base64')}`;
      expect((await ask(1, adminsBasic, [{ workspaceId, action: 'workspace.rename' }])).status).toBe(200);

      // A member removed through replica 0: every check of replica 1 sent after the answer says so.
      expect((await call(0, owner, 'DELETE', `/api/v1/workspace-memberships/${membership.body.id}`)).status).toBe(204);
      expect(answers(await burst(gateway, memberReads))).toEqual(Array(30).fill(outsider));

      // An access token deleted: the checks it sends are refused at once.
      expect(
        (await call(0, admin, 'DELETE', `/api/v1/workspaces/${workspaceId}/access-tokens/${adminsToken.body.privateToken.id}`)).status,
      ).toBe(204);
      expect(answers(await burst(adminsBasic, [{ workspaceId, action: 'workspace.rename' }]))).toEqual(Array(30).fill(401));

      // The workspace deleted: nobody may do anything in it any more.
      expect(answers(await burst(gateway, adminRenames))).toEqual(
        Array(30).fill({ ...outsider, allowed: true, privilege: 'ROLE_WORKSPACE_ADMIN' }),
      );
      expect((await call(0, owner, 'DELETE', `/api/v1/workspaces/${workspaceId}`)).status).toBe(204);
      expect(answers(await burst(gateway, adminRenames))).toEqual(Array(30).fill(outsider));
    } finally {
      loading = false;
      await load;
    }
  });

  it('one Idempotency-Key sent to both replicas at once creates one workspace', async () => {
    const user = `idem-replicas-${randomUUID()}`;
    const key = randomUUID();
    const responses = await Promise.all(
      [0, 1, 2, 3].map((i) =>
        call(i, user, 'POST', '/api/v1/workspaces', { name: 'once', billingAccountEmail: 'b@example.com' }, { 'idempotency-key': key }),
      ),
    );
    expect(responses.map((r) => r.status)).toEqual([201, 201, 201, 201]);
    expect(new Set(responses.map((r) => r.body.id)).size).toBe(1);
    const rows = await db.query(`SELECT count(*)::int AS n FROM workspace_memberships WHERE user_id = $1`, [user]);
    expect(rows[0].n).toBe(1);
  });
});
