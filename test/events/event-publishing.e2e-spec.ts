import { randomUUID } from 'node:crypto';
import { eventually } from '../support/smtp-sink.js';
import {
  createStream,
  deleteStream,
  isolatedEvents,
  listen,
  NatsServerProcess,
  SHARED_NATS_URL,
  streamContents,
  streamInfo,
  type PublishedEvent,
} from '../support/nats.js';
import { bearer, bearerWithProfile } from '../support/test-auth.js';
import { usesPostgres } from '../support/test-database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { addMember, createWorkspace, mintToken, newUserId } from '../support/workspace-fixtures.js';

/** A replica that publishes events and nothing else (test files share the PostgreSQL outbox), looking often. */
const PUBLISHING = {
  OUTBOX_DELIVERY: 'true',
  OUTBOX_TOPICS: 'event',
  OUTBOX_POLL_INTERVAL_MS: '20',
  OUTBOX_RETRY_BASE_MS: '50',
  OUTBOX_RETRY_MAX_MS: '200',
};

const verified = (userId: string, email: string) => bearerWithProfile(userId, { email, email_verified: true });

/** The workspace's audit log, oldest first. */
async function auditLog(t: TestApp, workspaceId: string, headers: Record<string, string>): Promise<any[]> {
  const response = await t.request({ method: 'GET', url: `/api/v1/workspaces/${workspaceId}/events?limit=100`, headers });
  expect(response.status).toBe(200);
  return [...response.body.data].reverse();
}

const ofWorkspace = (received: PublishedEvent[], workspaceId: string) => received.filter((m) => m.event.data?.workspaceId === workspaceId);

async function metric(t: TestApp, line: RegExp): Promise<string | undefined> {
  return (await t.request({ method: 'GET', url: '/metrics' })).text.split('\n').find((l) => line.test(l));
}

describe('Events published to NATS JetStream', () => {
  let t: TestApp | undefined;
  let settings: ReturnType<typeof isolatedEvents>;
  let subscriber: Awaited<ReturnType<typeof listen>>;

  beforeEach(async () => {
    settings = isolatedEvents();
    subscriber = await listen(SHARED_NATS_URL, settings.EVENTS_SUBJECT_PREFIX);
  });

  afterEach(async () => {
    await t?.close();
    t = undefined;
    await subscriber.close();
    await deleteStream(SHARED_NATS_URL, settings.EVENTS_STREAM);
  });

  it('every change publishes exactly one CloudEvent, with its subject, type and data, in commit order; the audit log has the same events', async () => {
    t = await startTestApp({ ...PUBLISHING, ...settings, NATS_URL: SHARED_NATS_URL });
    const prefix = settings.EVENTS_SUBJECT_PREFIX;
    const alice = newUserId('alice');
    const bob = newUserId('bob');
    const carol = newUserId('carol');
    const carolEmail = `carol-${randomUUID()}@example.com`;
    const owner = await bearer(alice);

    const { id: workspaceId, ownerMembershipId } = await createWorkspace(t, alice, 'Events');
    expect(
      (await t.request({ method: 'PATCH', url: `/api/v1/workspaces/${workspaceId}`, headers: owner, body: { name: 'Renamed' } })).status,
    ).toBe(200);
    const bobMembership = await addMember(t, alice, workspaceId, bob, 'ROLE_WORKSPACE_ADMIN');
    const token = await mintToken(t, alice, workspaceId, { name: 'ci' });
    expect(
      (await t.request({ method: 'DELETE', url: `/api/v1/workspaces/${workspaceId}/access-tokens/${token.id}`, headers: owner })).status,
    ).toBe(204);

    const invite = async (email: string) =>
      (
        await t!.request({
          method: 'POST',
          url: `/api/v1/workspaces/${workspaceId}/invites`,
          headers: owner,
          body: { email, privilege: 'ROLE_WORKSPACE_MEMBER' },
        })
      ).body.id as string;
    const carolInvitation = await invite(carolEmail);
    const accepted = await t.request({
      method: 'PUT',
      url: `/api/v1/workspaces/${workspaceId}/invites/${carolInvitation}`,
      headers: await verified(carol, carolEmail),
      body: { action: 'accept' },
    });
    expect(accepted.status).toBe(200);
    const declinedEmail = `dave-${randomUUID()}@example.com`;
    const declined = await invite(declinedEmail);
    expect(
      (
        await t.request({
          method: 'PUT',
          url: `/api/v1/workspaces/${workspaceId}/invites/${declined}`,
          headers: await verified(newUserId('dave'), declinedEmail),
          body: { action: 'decline' },
        })
      ).status,
    ).toBe(200);
    const revoked = await invite(`erin-${randomUUID()}@example.com`);
    expect(
      (await t.request({ method: 'DELETE', url: `/api/v1/workspaces/${workspaceId}/invites/${revoked}`, headers: owner })).status,
    ).toBe(200);

    expect((await t.request({ method: 'DELETE', url: `/api/v1/workspace-memberships/${bobMembership}`, headers: owner })).status).toBe(204);
    const carolMembership = (
      await t.dataSource.query(`SELECT id FROM workspace_memberships WHERE workspace_id = $1 AND user_id = $2`, [workspaceId, carol])
    )[0].id;
    expect(
      (await t.request({ method: 'DELETE', url: `/api/v1/workspace-memberships/${carolMembership}`, headers: await bearer(carol) })).status,
    ).toBe(204);

    const userToken = await t.request({ method: 'POST', url: '/api/v1/access-tokens', headers: owner, body: { name: 'laptop' } });
    expect(userToken.status).toBe(201);
    expect((await t.request({ method: 'DELETE', url: `/api/v1/access-tokens/${userToken.body.token.id}`, headers: owner })).status).toBe(
      204,
    );

    const audit = await auditLog(t, workspaceId, owner);
    expect((await t.request({ method: 'DELETE', url: `/api/v1/workspaces/${workspaceId}`, headers: owner })).status).toBe(204);

    const expected = [
      'workspace.created',
      'workspace.renamed',
      'membership.added',
      'access_token.created',
      'access_token.deleted',
      'invitation.created',
      'invitation.accepted',
      'membership.added',
      'invitation.created',
      'invitation.declined',
      'invitation.created',
      'invitation.revoked',
      'membership.removed',
      'membership.removed',
      'membership.removed',
      'workspace.deleted',
    ];
    await eventually(() => ofWorkspace(subscriber.received, workspaceId).length >= expected.length, 15_000, 'the workspace events');
    await eventually(
      () => subscriber.received.filter((m) => m.subject.startsWith(`${prefix}.users.`)).length >= 2,
      15_000,
      'the user token events',
    );
    await new Promise((resolve) => setTimeout(resolve, 300));
    const published = ofWorkspace(subscriber.received, workspaceId);

    // Exactly once each, in commit order, under their subject, as CloudEvents with the event id as Nats-Msg-Id.
    expect(published.map((m) => m.event.type)).toEqual(expected);
    expect(new Set(published.map((m) => m.event.id)).size).toBe(expected.length);
    for (const message of published) {
      expect(message.subject).toBe(`${prefix}.${workspaceId}.${message.event.type}`);
      expect(message.msgId).toBe(message.event.id);
      expect(message.contentType).toBe('application/cloudevents+json; charset=utf-8');
      expect(message.event).toMatchObject({
        specversion: '1.0',
        source: 'workspaces-service',
        subject: workspaceId,
        datacontenttype: 'application/json',
        data: { workspaceId },
      });
      expect(new Date(message.event.time).toISOString()).toBe(message.event.time);
    }
    // The audit log (read before the deletion) holds the same events, with the same ids and data.
    expect(audit.map((entry) => [entry.id, entry.type])).toEqual(published.slice(0, audit.length).map((m) => [m.event.id, m.event.type]));
    for (const [index, entry] of audit.entries()) {
      const { workspaceId: _w, actor, ...data } = published[index].event.data;
      expect({ actor: entry.actor, data: entry.data, time: entry.time }).toEqual({ actor, data, time: published[index].event.time });
    }

    const data = published.map((m) => m.event.data);
    const aliceActor = { userId: alice, accessTokenId: null };
    expect(data[0]).toEqual({
      workspaceId,
      actor: aliceActor,
      name: 'Events',
      billingAccountEmail: 'billing@example.com',
      owner: { membershipId: ownerMembershipId, userId: alice, privilege: 'ROLE_WORKSPACE_OWNER' },
    });
    expect(data[1]).toEqual({ workspaceId, actor: aliceActor, previousName: 'Events', name: 'Renamed' });
    expect(data[2]).toMatchObject({ membershipId: bobMembership, userId: bob, privilege: 'ROLE_WORKSPACE_ADMIN' });
    expect(data[3]).toEqual({
      workspaceId,
      actor: aliceActor,
      accessTokenId: token.id,
      kind: 'workspace',
      name: 'ci',
      userId: alice,
      membershipId: ownerMembershipId,
      expiresAt: null,
    });
    expect(data[4]).toMatchObject({ accessTokenId: token.id, kind: 'workspace' });
    expect(data[6]).toMatchObject({ actor: { userId: carol, accessTokenId: null }, invitationId: carolInvitation, email: carolEmail });
    expect(data[7]).toMatchObject({
      membershipId: carolMembership,
      userId: carol,
      privilege: 'ROLE_WORKSPACE_MEMBER',
      invitationId: carolInvitation,
    });
    expect(data[9]).toMatchObject({ invitationId: declined, email: declinedEmail });
    expect(data[11]).toMatchObject({ invitationId: revoked });
    expect([data[12], data[13], data[14]]).toEqual([
      expect.objectContaining({ membershipId: bobMembership, reason: 'removed', actor: aliceActor }),
      expect.objectContaining({ membershipId: carolMembership, reason: 'left', actor: { userId: carol, accessTokenId: null } }),
      expect.objectContaining({ membershipId: ownerMembershipId, reason: 'workspace_deleted', actor: aliceActor }),
    ]);
    expect(data[15]).toEqual({ workspaceId, actor: aliceActor, name: 'Renamed' });

    // A user token belongs to no workspace: `<prefix>.users.<type>`, without a CloudEvents subject.
    const userEvents = subscriber.received.filter((m) => m.subject.startsWith(`${prefix}.users.`));
    expect(userEvents.map((m) => [m.subject, m.event.data.accessTokenId, m.event.data.kind, m.event.subject])).toEqual([
      [`${prefix}.users.access_token.created`, userToken.body.token.id, 'user', undefined],
      [`${prefix}.users.access_token.deleted`, userToken.body.token.id, 'user', undefined],
    ]);

    // Never a secret or a hash.
    for (const message of subscriber.received) {
      expect(message.text).not.toContain(token.secret);
      expect(message.text).not.toContain(userToken.body.tokenString);
      expect(message.text).not.toMatch(/"hash"|[0-9a-f]{64}/);
    }

    // JetStream holds them too, in the stream the service created.
    const stored = await streamContents(SHARED_NATS_URL, settings.EVENTS_STREAM);
    expect(stored.filter((m) => m.event.data.workspaceId === workspaceId).map((m) => m.event.id)).toEqual(published.map((m) => m.event.id));
    const { config } = await streamInfo(SHARED_NATS_URL, settings.EVENTS_STREAM);
    expect([config.subjects, config.max_age, config.duplicate_window]).toEqual([[`${prefix}.>`], 7 * 86_400 * 1e9, 10 * 60 * 1e9]);
  });

  it('a stream that exists is used as it is; an event published again (a replica stopped before recording it) is stored once', async () => {
    await createStream(SHARED_NATS_URL, {
      name: settings.EVENTS_STREAM,
      subjects: [`${settings.EVENTS_SUBJECT_PREFIX}.>`],
      max_age: 3_600 * 1e9,
    });
    t = await startTestApp({ ...PUBLISHING, ...settings, NATS_URL: SHARED_NATS_URL });
    const { id: workspaceId } = await createWorkspace(t, newUserId('alice'));
    await eventually(() => ofWorkspace(subscriber.received, workspaceId).length === 1, 15_000, 'the event');
    const [{ event, subject }] = ofWorkspace(subscriber.received, workspaceId);
    await t.dataSource.query(`INSERT INTO outbox_messages (id, topic, payload, ordering_key) VALUES ($1, 'event', $2, $3)`, [
      randomUUID(),
      JSON.stringify({ subject, event }),
      workspaceId,
    ]);
    await eventually(() => ofWorkspace(subscriber.received, workspaceId).length === 2, 15_000, 'the second publish');
    const stored = await streamContents(SHARED_NATS_URL, settings.EVENTS_STREAM);
    expect(stored.filter((m) => m.event.id === event.id)).toHaveLength(1);
    expect((await streamInfo(SHARED_NATS_URL, settings.EVENTS_STREAM)).config.max_age).toBe(3_600 * 1e9);
  });

  it('an event JetStream refuses is retried and never given up on (that would break its order), with the error in readiness', async () => {
    // A stream that exists but does not capture the service's subjects: it is used as it is, so every publish fails.
    await createStream(SHARED_NATS_URL, { name: settings.EVENTS_STREAM, subjects: [`elsewhere-${randomUUID()}.>`], max_age: 3_600 * 1e9 });
    // No listener either: a core subscriber would receive the publish requests and leave them unanswered.
    await subscriber.close();
    t = await startTestApp({ ...PUBLISHING, ...settings, NATS_URL: SHARED_NATS_URL, OUTBOX_MAX_ATTEMPTS: '1' });
    const alice = newUserId('alice');
    const owner = await bearer(alice);
    const { id: workspaceId } = await createWorkspace(t, alice);
    const userToken = await t.request({ method: 'POST', url: '/api/v1/access-tokens', headers: owner, body: { name: 'laptop' } });
    expect(userToken.status).toBe(201);
    const mine = `payload->'event'->'data'->>'workspaceId' = $1 OR payload->'event'->'data'->>'accessTokenId' = $2`;
    const ids = [workspaceId, userToken.body.token.id];
    const rows = () =>
      t!.dataSource.query(
        `SELECT ordering_key AS key, attempts, failed_at AS "failedAt", last_error AS "lastError" FROM outbox_messages WHERE ${mine}`,
        ids,
      );
    try {
      await eventually(async () => (await rows()).filter((row: any) => row.attempts >= 3).length === 2, 15_000, 'several attempts');
      expect((await rows()).map((row: any) => [row.key, row.failedAt, typeof row.lastError])).toEqual(
        expect.arrayContaining([
          [workspaceId, null, 'string'],
          ['users', null, 'string'],
        ]),
      );
      const ready = await t.request({ method: 'GET', url: '/health/ready' });
      expect(ready.status).toBe(200);
      expect(ready.body.details.events).toMatchObject({ enabled: true, connected: true, backlog: expect.any(Number) });
      expect(ready.body.details.events.lastError.message).toEqual(expect.any(String));
      expect(await streamContents(SHARED_NATS_URL, settings.EVENTS_STREAM)).toEqual([]);
    } finally {
      // Never given up on: left in the shared outbox, they would hold back every later event of their keys.
      await t.dataSource.query(`DELETE FROM outbox_messages WHERE ${mine}`, ids);
    }
  });

  it('a change that rolls back publishes nothing and records nothing', async () => {
    t = await startTestApp({ ...PUBLISHING, ...settings, NATS_URL: SHARED_NATS_URL });
    const alice = newUserId('alice');
    const { id: workspaceId } = await createWorkspace(t, alice);
    const doomed = newUserId('doomed');
    // A fault after the event is written, in the same transaction: the membership's row fails to insert.
    await t.dataSource.query(`
      CREATE OR REPLACE FUNCTION membership_fault() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.user_id LIKE 'doomed-%' THEN RAISE EXCEPTION 'injected membership fault'; END IF;
        RETURN NEW;
      END $$`);
    await t.dataSource.query(
      `CREATE TRIGGER membership_fault BEFORE INSERT ON workspace_memberships FOR EACH ROW EXECUTE FUNCTION membership_fault()`,
    );
    try {
      const response = await t.request({
        method: 'POST',
        url: '/api/v1/workspace-memberships',
        headers: await bearer(alice),
        body: { workspaceId, userId: doomed, privileges: ['ROLE_WORKSPACE_MEMBER'] },
      });
      expect(response.status).toBe(500);
    } finally {
      await t.dataSource.query(`DROP TRIGGER membership_fault ON workspace_memberships`);
    }
    const survivor = newUserId('survivor');
    await addMember(t, alice, workspaceId, survivor, 'ROLE_WORKSPACE_MEMBER');

    await eventually(() => ofWorkspace(subscriber.received, workspaceId).length >= 2, 15_000, 'the events around the failure');
    await new Promise((resolve) => setTimeout(resolve, 300));
    const published = ofWorkspace(subscriber.received, workspaceId);
    expect(published.map((m) => [m.event.type, m.event.data.userId])).toEqual([
      ['workspace.created', undefined],
      ['membership.added', survivor],
    ]);
    expect(await t.dataSource.query(`SELECT 1 FROM events WHERE data->>'userId' = $1`, [doomed])).toEqual([]);
    expect(await t.dataSource.query(`SELECT 1 FROM workspace_memberships WHERE user_id = $1`, [doomed])).toEqual([]);
  });

  it('without NATS_URL events are recorded for the audit log and nothing waits to be published', async () => {
    t = await startTestApp({ ...PUBLISHING, ...settings });
    const alice = newUserId('alice');
    const { id: workspaceId } = await createWorkspace(t, alice);
    await addMember(t, alice, workspaceId, newUserId('bob'), 'ROLE_WORKSPACE_MEMBER');
    expect((await auditLog(t, workspaceId, await bearer(alice))).map((entry) => entry.type)).toEqual([
      'workspace.created',
      'membership.added',
    ]);
    expect(
      await t.dataSource.query(`SELECT 1 FROM outbox_messages WHERE payload->'event'->'data'->>'workspaceId' = $1`, [workspaceId]),
    ).toEqual([]);
    const ready = await t.request({ method: 'GET', url: '/health/ready' });
    expect(ready.status).toBe(200);
    expect(ready.body.details.events).toMatchObject({ status: 'up', enabled: false, connected: false });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(subscriber.received).toEqual([]);
  });
});

describe('Events while NATS is down', () => {
  const server = new NatsServerProcess();
  let t: TestApp | undefined;

  afterAll(async () => {
    await t?.close();
    await server.dispose();
  });

  it('changes keep succeeding; the backlog and the last error show in /metrics and readiness (still ready); every event arrives once NATS is back', async () => {
    await server.start();
    const settings = isolatedEvents();
    t = await startTestApp({ ...PUBLISHING, ...settings, NATS_URL: server.url });
    const alice = newUserId('alice');
    const { id: workspaceId } = await createWorkspace(t, alice);
    await eventually(
      async () => (await streamContents(server.url, settings.EVENTS_STREAM).catch(() => [])).length === 1,
      15_000,
      'the first event',
    );

    await server.stop();
    const added: string[] = [];
    for (let index = 0; index < 5; index++) {
      const userId = newUserId(`while-down-${index}`);
      await addMember(t, alice, workspaceId, userId, 'ROLE_WORKSPACE_MEMBER');
      added.push(userId);
    }
    const other = await createWorkspace(t, alice, 'Other');

    await eventually(
      async () => Boolean(await metric(t!, /^events_last_publish_error_timestamp_seconds\{error=/)),
      10_000,
      'the publish error metric',
    );
    // Six of this test's own wait (the backlog counts every replica's, and other tests share PostgreSQL's outbox).
    const waiting = await t.dataSource.query(
      `SELECT count(*)::int AS n FROM outbox_messages WHERE topic = 'event' AND payload->'event'->'data'->>'workspaceId' = ANY($1)`,
      [[workspaceId, other.id]],
    );
    expect(waiting[0].n).toBe(6);
    const backlog = Number((await metric(t, /^outbox_messages\{topic="event",state="pending"\} /))?.split(' ').pop());
    expect(backlog).toBeGreaterThanOrEqual(6);
    expect(await metric(t, /^events_publisher_connected 0$/)).toBeDefined();
    const ready = await t.request({ method: 'GET', url: '/health/ready' });
    expect(ready.status).toBe(200);
    expect(ready.body.details.events).toMatchObject({ status: 'up', enabled: true, connected: false, backlog });
    expect(ready.body.details.events.lastError.message).toEqual(expect.any(String));

    await server.start();
    await eventually(
      async () => (await streamContents(server.url, settings.EVENTS_STREAM).catch(() => [])).length === 7,
      20_000,
      'every event',
    );
    const stored = await streamContents(server.url, settings.EVENTS_STREAM);
    expect(stored.filter((m) => m.event.data.workspaceId === workspaceId).map((m) => [m.event.type, m.event.data.userId])).toEqual([
      ['workspace.created', undefined],
      ...added.map((userId) => ['membership.added', userId]),
    ]);
    expect(stored.filter((m) => m.event.data.workspaceId === other.id).map((m) => m.event.type)).toEqual(['workspace.created']);
    await eventually(async () => Boolean(await metric(t!, /^events_publisher_connected 1$/)), 10_000, 'connected again');
    await eventually(
      async () =>
        (
          await t!.dataSource.query(
            `SELECT 1 FROM outbox_messages WHERE topic = 'event' AND payload->'event'->'data'->>'workspaceId' = ANY($1)`,
            [[workspaceId, other.id]],
          )
        ).length === 0,
      10_000,
      'nothing of this test left waiting',
    );
  });
});

(usesPostgres() ? describe : describe.skip)('Two replicas publishing', () => {
  let replicas: TestApp[] = [];
  const settings = isolatedEvents();
  let subscriber: Awaited<ReturnType<typeof listen>>;

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.close()));
    await subscriber?.close();
    await deleteStream(SHARED_NATS_URL, settings.EVENTS_STREAM);
  });

  it('publish each event once, each workspace in commit order', async () => {
    subscriber = await listen(SHARED_NATS_URL, settings.EVENTS_SUBJECT_PREFIX);
    const env = { ...PUBLISHING, ...settings, NATS_URL: SHARED_NATS_URL, OUTBOX_POLL_INTERVAL_MS: '10' };
    replicas = [await startTestApp(env), await startTestApp(env)];
    const alice = newUserId('alice');
    const workspaces = await Promise.all(Array.from({ length: 6 }, (_, index) => createWorkspace(replicas[index % 2], alice, `W${index}`)));
    // Changes to each workspace through both replicas at once; the workspace lock decides their order.
    await Promise.all(
      workspaces.flatMap(({ id }) =>
        Array.from({ length: 6 }, (_, index) => addMember(replicas[index % 2], alice, id, newUserId(`m${index}`), 'ROLE_WORKSPACE_MEMBER')),
      ),
    );
    const total = workspaces.length * 7;
    await eventually(() => subscriber.received.length >= total, 30_000, 'every event');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(subscriber.received.length).toBe(total);
    expect(new Set(subscriber.received.map((m) => m.event.id)).size).toBe(total);
    const recorded: { id: string; workspace_id: string }[] = await replicas[0].dataSource.query(
      `SELECT id, workspace_id FROM events WHERE workspace_id = ANY($1) ORDER BY position`,
      [workspaces.map(({ id }) => id)],
    );
    for (const { id } of workspaces) {
      expect(ofWorkspace(subscriber.received, id).map((m) => m.event.id)).toEqual(
        recorded.filter((row) => row.workspace_id === id).map((row) => row.id),
      );
    }
  });
});
