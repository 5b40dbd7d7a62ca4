/**
 * `npm run bench`: the service against PostgreSQL under load, beside two floors doing the same work in
 * one statement each: bare Fastify + pg (floor-server.mjs: create and read) and a minimal Nest
 * application (nest-floor-server.mjs: the read), in one run. Every scenario runs in ROUNDS alternating
 * rounds; each prints req/s, p50/p99 and the server's CPU per request (median of the rounds), then the
 * targets with their verdicts, and the change against the previous run (.bench/last.json) with the
 * rounds' spread as its noise. Settings: BENCH_DATABASE_URL (a database it drops and creates),
 * BENCH_DURATION (seconds per scenario, default 10), BENCH_CONNECTIONS (default 50), BENCH_ROUNDS (default
 * 3), BENCH_NATS_URL (default nats://127.0.0.1:4222: creates on a second replica that publishes its events
 * there, and the freshness of checks across the two replicas; skipped when it does not answer),
 * BENCH_SIZES=0 (skips the size scenario, bench-sizes.mjs; BENCH_SIZE_TIMES and
 * BENCH_SIZE_CONCURRENT_SECONDS tune it).
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { Socket } from 'node:net';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import autocannon from 'autocannon';
import pg from 'pg';
import { measureSizes, reportSizes, sizeTargets } from './bench-sizes.mjs';
import { DATABASE_URL, recreateDatabase, ROOT, SERVICE_COMMAND, sleep, startProcess, token } from './bench-support.mjs';

const DURATION = Number(process.env.BENCH_DURATION ?? 10);
const WARMUP = Math.min(3, DURATION);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
/** Service and floor creates alternate this many times; the median round is reported (the machine is shared and noisy). */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const NATS_URL = process.env.BENCH_NATS_URL ?? 'nats://127.0.0.1:4222';
const BENCH_STREAM = 'BENCH_WORKSPACE_EVENTS';
const BODY = JSON.stringify({ name: 'Benchmark workspace', billingAccountEmail: 'billing@example.com' });

/** CPU time (user + system) the process has used so far, in ms: steadier than req/s on a shared machine. */
function cpuMs(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10; // utime + stime, in clock ticks of 10 ms
}

function peakMemoryMb(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)[1]) / 1024;
}

async function load(url, options, duration = DURATION) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration, ...options });
  return {
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    total: result.requests.total,
    sent: result.requests.sent,
    ok: result['2xx'],
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** The workspaces of every creator of a scenario (`<prefix>-<n>`). */
async function workspacesOf(db, prefix) {
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM workspace_memberships WHERE user_id LIKE $1 || '-%'`, [prefix]);
  return rows[0].n;
}

/**
 * Creates are spread over this many users, one after another, as a company's users create them: no
 * user comes near WORKSPACES_PER_USER_LIMIT (1,000), whose count every create checks.
 */
const CREATORS = 500;

async function creators(prefix) {
  return Promise.all(Array.from({ length: CREATORS }, async (_, n) => `Bearer ${await token(`${prefix}-${n}`)}`));
}

/**
 * Warm up, then measure. Every row that appeared must be a 201 counted, or one of the requests
 * still in flight when the load generator stopped (it stops waiting for them; the server does not).
 */
async function measureCreate(db, server, prefix, authorizations) {
  const { url } = server;
  let next = 0;
  const request = {
    requests: [
      {
        method: 'POST',
        body: BODY,
        setupRequest: (req) => ({
          ...req,
          headers: { authorization: authorizations[next++ % authorizations.length], 'content-type': 'application/json' },
        }),
      },
    ],
  };
  await load(`${url}/api/v1/workspaces`, request, WARMUP);
  await sleep(1_000);
  const before = await workspacesOf(db, prefix);
  const cpuBefore = cpuMs(server.child.pid);
  const figures = await load(`${url}/api/v1/workspaces`, request);
  figures.cpuMicrosPerRequest = Math.round(((cpuMs(server.child.pid) - cpuBefore) * 1000) / figures.total);
  await sleep(1_000);
  const stored = (await workspacesOf(db, prefix)) - before;
  const abandoned = figures.sent - figures.total;
  return {
    ...figures,
    rowsStored: stored,
    abandonedAtStop: abandoned,
    rowsMatch: stored >= figures.ok && stored <= figures.ok + abandoned,
  };
}

function reachable(url) {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(1_000, () => (socket.destroy(), resolve(false)));
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
    socket.connect(Number(port || 4222), hostname);
  });
}

/** How long until every event is published (the outbox holds none), and how many went out. */
async function drainEvents(db) {
  const started = performance.now();
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM outbox_messages WHERE topic = 'event'`);
  while ((await db.query(`SELECT 1 FROM outbox_messages WHERE topic = 'event' LIMIT 1`)).rowCount > 0) {
    if (performance.now() - started > 120_000) throw new Error('events were not published within 120 s');
    await sleep(50);
  }
  return { events: rows[0].n, ms: Math.round(performance.now() - started) };
}

async function deleteBenchStream() {
  const nc = await connect({ servers: NATS_URL });
  await (await jetstreamManager(nc)).streams.delete(BENCH_STREAM).catch(() => undefined);
  await nc.close();
}

/** A request of a fixed method, path, credentials and body, measured like measureCreate: warm-up, load, server CPU per request. */
async function measureRequest(server, path, { method = 'GET', authorization, body } = {}) {
  const headers = { ...(authorization ? { authorization } : {}), ...(body ? { 'content-type': 'application/json' } : {}) };
  const request = { method, headers, ...(body ? { body } : {}) };
  await load(`${server.url}${path}`, request, WARMUP);
  const cpuBefore = cpuMs(server.child.pid);
  const figures = await load(`${server.url}${path}`, request);
  figures.cpuMicrosPerRequest = Math.round(((cpuMs(server.child.pid) - cpuBefore) * 1000) / figures.total);
  return figures;
}

/**
 * Fresh on every replica: under a read load on both replicas, a member is added and removed through
 * one, and as soon as the removal is answered 50 checks about that member go to the other at once.
 * Every one of them must answer not allowed.
 */
async function measureFreshness(a, b, workspaceId, ownerId) {
  const owner = `Bearer ${await token(ownerId)}`;
  const gateway = `Bearer ${await token('bench-gateway', 'workspaces:check')}`;
  const json = async (server, method, path, authorization, body) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { authorization, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body && JSON.stringify(body),
    });
    return response.status === 204 ? null : response.json();
  };
  let loading = true;
  const background = [a, b].map(async (server) => {
    while (loading) await load(`${server.url}/api/v1/workspaces/${workspaceId}`, { headers: { authorization: owner } }, 1);
  });
  let checks = 0;
  let stale = 0;
  for (let i = 0; i < 20; i++) {
    const userId = `bench-fresh-${i}`;
    const added = await json(a, 'POST', '/api/v1/workspace-memberships', owner, { workspaceId, userId });
    await json(a, 'DELETE', `/api/v1/workspace-memberships/${added.id}`, owner);
    const body = { checks: [{ workspaceId, userId, action: 'workspace.read' }] };
    const answers = await Promise.all(Array.from({ length: 50 }, () => json(b, 'POST', '/api/v1/authorization/check', gateway, body)));
    checks += answers.length;
    stale += answers.filter((answer) => answer.results[0].allowed !== false).length;
  }
  loading = false;
  await Promise.all(background);
  return { checks, stale };
}

async function seedListing(db) {
  // 100,000 workspaces: "lister" belongs to 10,000 of them, "lister-small" to 10, the rest to others.
  await db.query(`
    CREATE TEMP TABLE seed AS
    SELECT i, gen_random_uuid() AS id, now() - (i || ' seconds')::interval AS created_at,
           CASE WHEN i <= 10000 THEN 'lister' WHEN i <= 10010 THEN 'lister-small' ELSE 'seed-owner-' || i END AS user_id
    FROM generate_series(1, 100000) AS i`);
  await db.query(`
    INSERT INTO workspaces (id, name, billing_account_email, created_at, updated_at, member_count)
    SELECT id, 'seed ' || i, 'seed@example.com', created_at, created_at, 1 FROM seed`);
  await db.query(`
    INSERT INTO workspace_memberships (id, workspace_id, user_id, privilege, created_at, updated_at)
    SELECT gen_random_uuid(), id, user_id, 'ROLE_WORKSPACE_OWNER', created_at, created_at FROM seed`);
  await db.query('DROP TABLE seed');
  await db.query('ANALYZE');
}

/** The plan of the list query (as the repository issues it) for a user, first page. */
async function listPlan(db, userId) {
  const { rows } = await db.query(
    `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)
     SELECT m.*, w.* FROM workspace_memberships m INNER JOIN workspaces w ON w.id = m.workspace_id
     WHERE m.user_id = $1 ORDER BY m.created_at ASC, m.workspace_id ASC LIMIT 11`,
    [userId],
  );
  return rows.map((row) => row['QUERY PLAN']);
}

const pct = (a, b) => `${Math.round((a / b) * 100)}%`;

const middle = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * The round with the median throughput, every round's throughput beside it, and the median of the
 * rounds' server CPU per request (steadier than req/s on a shared machine) with their spread.
 */
function median(results) {
  const sorted = [...results].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  const rounds = results.map((r) => r.requestsPerSecond);
  const cpuRounds = results.map((r) => r.cpuMicrosPerRequest).filter((cpu) => cpu !== undefined);
  const cpu = cpuRounds.length ? { cpuMicrosPerRequest: middle(cpuRounds), cpuRounds } : {};
  const base = { ...sorted[Math.floor(sorted.length / 2)], rounds, ...cpu };
  return 'rowsMatch' in results[0] ? { ...base, rowsMatch: results.every((r) => r.rowsMatch) } : base;
}

async function main() {
  console.log(
    `Benchmark: ${CONNECTIONS} connections, ${DURATION} s per scenario after ${WARMUP} s warm-up, creates in ${ROUNDS} alternating rounds (median shown), on ${new URL(DATABASE_URL).host}`,
  );
  await recreateDatabase();
  const db = new pg.Client({ connectionString: DATABASE_URL });

  const serviceEnv = { NODE_ENV: 'production', LOG_FORMAT: 'json' };
  const first = await startProcess(SERVICE_COMMAND, '/health/ready', serviceEnv);
  await first.stop();
  const service = await startProcess(SERVICE_COMMAND, '/health/ready', serviceEnv);
  await db.connect();
  await seedListing(db);

  // A workspace access token for the Basic scenario, made through the API. A workspace access token
  // creates no workspaces, so Basic is measured on a read of its workspace, beside the same read with bearer.
  const basicOwner = 'creator-basic';
  const created = await (
    await fetch(`${service.url}/api/v1/workspaces`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await token(basicOwner)}`, 'content-type': 'application/json' },
      body: BODY,
    })
  ).json();
  const minted = await (
    await fetch(`${service.url}/api/v1/workspaces/${created.id}/access-tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await token(basicOwner)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'bench' }),
    })
  ).json();

  // A user access token of the same owner: the same read, with the other kind of Basic token.
  const userMinted = await (
    await fetch(`${service.url}/api/v1/access-tokens`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await token(basicOwner)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'bench' }),
    })
  ).json();

  // A second replica that publishes events to NATS: the same create, with the events going out.
  const publishing = (await reachable(NATS_URL)) ? NATS_URL : null;
  if (publishing) await deleteBenchStream();
  const publisher = publishing
    ? await startProcess(SERVICE_COMMAND, '/health/ready', {
        ...serviceEnv,
        NATS_URL: publishing,
        EVENTS_SUBJECT_PREFIX: 'bench.workspaces',
        EVENTS_STREAM: BENCH_STREAM,
        EVENTS_STREAM_MAX_AGE_DAYS: '1',
      })
    : null;
  const publishedAuth = await creators('creator-published');
  const drains = [];

  // Two members more, so that the membership list and the audit log have a few entries.
  for (const [userId, role] of [
    ['bench-admin', 'ROLE_WORKSPACE_ADMIN'],
    ['bench-member', 'ROLE_WORKSPACE_MEMBER'],
  ]) {
    await fetch(`${service.url}/api/v1/workspace-memberships`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await token(basicOwner)}`, 'content-type': 'application/json' },
      body: JSON.stringify({ workspaceId: created.id, userId, privileges: [role] }),
    });
  }

  const floorProcess = await startProcess('test/bench/floor-server.mjs', '/api/v1/workspaces');
  const nestFloor = await startProcess('test/bench/nest-floor-server.mjs', '/api/v1/workspaces/x');
  const bearer = await creators('creator-bearer');
  const ownerBearer = `Bearer ${await token(basicOwner)}`;
  const basic = `Basic ${Buffer.from(minted.tokenString).toString('base64')}`;
  const userBasic = `Basic ${Buffer.from(userMinted.tokenString).toString('base64')}`;
  const floorAuth = await creators('creator-floor');
  const workspacePath = `/api/v1/workspaces/${created.id}`;
  const oneCheck = JSON.stringify({ checks: [{ workspaceId: created.id, action: 'workspace.rename' }] });
  const ACTIONS = ['workspace.read', 'workspace.rename', 'workspace.delete', 'membership.add', 'invitation.create', 'audit_log.read'];
  const hundredChecks = JSON.stringify({
    checks: Array.from({ length: 100 }, (_, i) => ({
      correlationId: String(i),
      workspaceId: created.id,
      userId: ['bench-admin', 'bench-member', basicOwner, 'bench-nobody'][i % 4],
      action: ACTIONS[i % ACTIONS.length],
    })),
  });
  const gateway = `Bearer ${await token('bench-gateway', 'workspaces:check')}`;
  /** Every scenario of a round; creates, reads and checks alternate, round after round (the median round is reported). */
  const scenarioRuns = {
    floor: () => measureCreate(db, floorProcess, 'creator-floor', floorAuth),
    createBearer: () => measureCreate(db, service, 'creator-bearer', bearer),
    ...(publisher
      ? {
          createPublished: async () => {
            const figures = await measureCreate(db, publisher, 'creator-published', publishedAuth);
            drains.push(await drainEvents(db));
            return figures;
          },
        }
      : {}),
    floorRead: () => measureRequest(floorProcess, workspacePath, { authorization: ownerBearer }),
    nestFloorRead: () => measureRequest(nestFloor, workspacePath, { authorization: ownerBearer }),
    readBearer: () => measureRequest(service, workspacePath, { authorization: ownerBearer }),
    readBasic: () => measureRequest(service, workspacePath, { authorization: basic }),
    readUserToken: () => measureRequest(service, workspacePath, { authorization: userBasic }),
    membershipList: () =>
      measureRequest(service, `/api/v1/workspace-memberships?workspace_id=${created.id}`, { authorization: ownerBearer }),
    auditLog: () => measureRequest(service, `${workspacePath}/events?limit=20`, { authorization: ownerBearer }),
    checkOne: () => measureRequest(service, '/api/v1/authorization/check', { method: 'POST', authorization: ownerBearer, body: oneCheck }),
    checkHundred: () =>
      measureRequest(service, '/api/v1/authorization/check', { method: 'POST', authorization: gateway, body: hundredChecks }),
  };
  const rounds = Object.fromEntries(Object.keys(scenarioRuns).map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, run] of Object.entries(scenarioRuns)) rounds[name].push(await run());
  }
  const freshness = publisher ? await measureFreshness(service, publisher, created.id, basicOwner) : null;
  await floorProcess.stop();
  await nestFloor.stop();
  const publisherPeakMb = publisher ? peakMemoryMb(publisher.child.pid) : null;
  await publisher?.stop();
  if (publisher) await deleteBenchStream();
  const { floor: floorRounds, ...serviceRounds } = rounds;
  const scenarios = Object.fromEntries(Object.entries(serviceRounds).map(([name, results]) => [name, median(results)]));
  const floor = median(floorRounds);
  // The two list scenarios alternate too: whichever ran first after the creates would meet
  // PostgreSQL still busy with them.
  const lists = { list10k: [], list10: [] };
  for (let round = 0; round < ROUNDS; round++) {
    lists.list10k.push(await measureRequest(service, '/api/v1/workspaces?limit=10', { authorization: `Bearer ${await token('lister')}` }));
    lists.list10.push(
      await measureRequest(service, '/api/v1/workspaces?limit=10', { authorization: `Bearer ${await token('lister-small')}` }),
    );
  }
  scenarios.list10k = median(lists.list10k);
  scenarios.list10 = median(lists.list10);
  scenarios.healthLive = await measureRequest(service, '/health/live');
  // Before the size scenario, whose whole-workspace listings are measured on their own.
  const peakMb = peakMemoryMb(service.child.pid);
  const sizes = process.env.BENCH_SIZES === '0' ? null : await measureSizes(db, service.url);
  const wholeRunPeakMb = peakMemoryMb(service.child.pid);
  await service.stop();

  const plans = { lister10k: await listPlan(db, 'lister'), lister10: await listPlan(db, 'lister-small') };
  await db.end();

  const results = {
    at: new Date().toISOString(),
    settings: { connections: CONNECTIONS, durationSeconds: DURATION, rounds: ROUNDS, node: process.version },
    startup: { firstStartWithMigrationsMs: Math.round(first.readyMs), startToReadyMs: Math.round(service.readyMs) },
    peakMemoryMb: Math.round(peakMb),
    wholeRunPeakMemoryMb: Math.round(wholeRunPeakMb),
    freshness,
    publisherPeakMemoryMb: publisherPeakMb === null ? null : Math.round(publisherPeakMb),
    scenarios,
    eventDrains: drains,
    floor,
    ratios: {
      createVsFloorThroughput: scenarios.createBearer.requestsPerSecond / floor.requestsPerSecond,
      createVsFloorP99: scenarios.createBearer.p99Ms / floor.p99Ms,
      basicVsBearerThroughput: scenarios.readBasic.requestsPerSecond / scenarios.readBearer.requestsPerSecond,
      list10kVs10Throughput: scenarios.list10k.requestsPerSecond / scenarios.list10.requestsPerSecond,
    },
    plans,
    sizes,
  };
  report(results);
  save(results);
}

const LABELS = {
  createBearer: 'create (bearer)',
  createPublished: 'create, events to NATS',
  floorRead: 'floor: read (Fastify + pg)',
  nestFloorRead: 'floor: read (minimal Nest)',
  readBearer: 'read workspace (bearer)',
  readBasic: 'read workspace (Basic token)',
  readUserToken: 'read workspace (user token)',
  membershipList: 'membership list (3)',
  auditLog: 'audit log page',
  checkOne: 'check, 1 question',
  checkHundred: 'check, 100 questions',
  list10k: 'list, user in 10,000',
  list10: 'list, user in 10',
  healthLive: 'GET /health/live',
};

/** The reads held against the floor's read and the create (issue: each within 2x the floor, at most 0.7x a create). */
const READS = ['readBearer', 'readBasic', 'readUserToken', 'membershipList', 'auditLog'];

function report(r) {
  const s = r.scenarios;
  const row = (name, x) =>
    `${name.padEnd(28)} ${String(x.requestsPerSecond).padStart(7)} ${String(x.p50Ms).padStart(7)} ${String(x.p99Ms).padStart(7)} ${String(x.cpuMicrosPerRequest ?? '-').padStart(7)} ${String(x.non2xx).padStart(7)} ${String(x.errors).padStart(7)}${x.rounds ? `   rounds ${x.rounds.join('/')} req/s${x.cpuRounds ? `, ${x.cpuRounds.join('/')} µs` : ''}` : ''}${'rowsMatch' in x ? `; rows = 201s: ${x.rowsMatch ? 'yes' : 'NO'}` : ''}`;
  console.log(
    `\n${'scenario'.padEnd(28)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'CPU µs'.padStart(7)} ${'non-2xx'.padStart(7)} ${'errors'.padStart(7)}`,
  );
  console.log(row('floor: create (Fastify + pg)', r.floor));
  for (const [name, label] of Object.entries(LABELS)) if (s[name]) console.log(row(label, s[name]));
  console.log("\n(CPU µs: the server process's CPU time per request, user + system, median of the rounds.)");
  const floorRead = s.floorRead;
  console.log(
    `what the framework costs on a read: minimal Nest ${s.nestFloorRead.cpuMicrosPerRequest} µs against bare Fastify ${floorRead.cpuMicrosPerRequest} µs; the service adds ${s.readBearer.cpuMicrosPerRequest - s.nestFloorRead.cpuMicrosPerRequest} µs on top (bearer read)`,
  );
  if (s.createPublished) {
    const published = r.eventDrains.map((d) => `${d.events} in ${d.ms} ms`).join(', ');
    console.log(`events left to publish when a round's creates stopped, and the time they took to go out: ${published}`);
  } else console.log(`create with events published: skipped (no NATS at ${NATS_URL})`);
  if (r.freshness) {
    console.log(
      `freshness: ${r.freshness.checks} checks sent to one replica at once after a removal through the other was answered, under load: ${r.freshness.stale} still allowed`,
    );
  }
  console.log(`start to ready: ${r.startup.startToReadyMs} ms (first start, with migrations: ${r.startup.firstStartWithMigrationsMs} ms)`);
  console.log(
    `peak memory (RSS high-water mark): ${r.peakMemoryMb} MB before the size scenario, ${r.wholeRunPeakMemoryMb} MB over the whole run${r.publisherPeakMemoryMb === null ? '' : `; the replica publishing to NATS: ${r.publisherPeakMemoryMb} MB`}`,
  );
  console.log(`\nlist plan, user in 10,000 workspaces:\n  ${r.plans.lister10k.join('\n  ')}`);
  const cpu = (name) => s[name].cpuMicrosPerRequest;
  const x = (a, b) => `${(a / b).toFixed(2)}x`;
  const checks = [
    [
      'create CPU <= 2x the floor',
      cpu('createBearer') <= 2 * r.floor.cpuMicrosPerRequest,
      `${cpu('createBearer')} µs, ${x(cpu('createBearer'), r.floor.cpuMicrosPerRequest)}`,
    ],
    ['create p99 <= 2x the floor', s.createBearer.p99Ms <= 2 * r.floor.p99Ms, x(s.createBearer.p99Ms, r.floor.p99Ms)],
    ...READS.flatMap((name) => [
      [
        `${LABELS[name]}: CPU <= 2x the floor's read`,
        cpu(name) <= 2 * floorRead.cpuMicrosPerRequest,
        `${cpu(name)} µs, ${x(cpu(name), floorRead.cpuMicrosPerRequest)}`,
      ],
      [`${LABELS[name]}: CPU <= 0.7x a create`, cpu(name) <= 0.7 * cpu('createBearer'), x(cpu(name), cpu('createBearer'))],
      [`${LABELS[name]}: p99 <= 2x the floor's read`, s[name].p99Ms <= 2 * floorRead.p99Ms, x(s[name].p99Ms, floorRead.p99Ms)],
    ]),
    [
      'check of 100 costs <= 10x a check of 1',
      cpu('checkHundred') <= 10 * cpu('checkOne'),
      `${cpu('checkOne')} and ${cpu('checkHundred')} µs: ${x(cpu('checkHundred'), cpu('checkOne'))}`,
    ],
    ...(s.createPublished
      ? [
          [
            'a replica publishing to NATS keeps >= 90% of the create rate',
            s.createPublished.requestsPerSecond >= 0.9 * s.createBearer.requestsPerSecond,
            `${pct(s.createPublished.requestsPerSecond, s.createBearer.requestsPerSecond)}; ${s.createPublished.cpuMicrosPerRequest} against ${cpu('createBearer')} µs`,
          ],
          ['nothing left waiting after a round (events published)', r.eventDrains.every((d) => d.events === 0 || d.ms < 5_000), ''],
        ]
      : []),
    ...(r.freshness
      ? [['checks fresh on every replica (none stale)', r.freshness.stale === 0, `${r.freshness.stale} of ${r.freshness.checks}`]]
      : []),
    [
      'zero errors and non-2xx',
      Object.values(s)
        .concat(r.floor)
        .every((x) => x.errors === 0 && x.non2xx === 0),
      '',
    ],
    ['rows stored = 201s counted', s.createBearer.rowsMatch && r.floor.rowsMatch && (s.createPublished?.rowsMatch ?? true), ''],
    [
      'listing flat: 10,000 vs 10 within 15%',
      r.ratios.list10kVs10Throughput >= 0.85,
      pct(s.list10k.requestsPerSecond, s.list10.requestsPerSecond),
    ],
    [
      'peak memory <= 200 MB over the whole run (each replica)',
      Math.max(r.wholeRunPeakMemoryMb, r.publisherPeakMemoryMb ?? 0) <= 200,
      `${r.wholeRunPeakMemoryMb} MB, publishing ${r.publisherPeakMemoryMb ?? '-'} MB`,
    ],
    ['start to ready < 1.5 s', r.startup.startToReadyMs < 1500, `${r.startup.startToReadyMs} ms`],
  ];
  if (r.sizes) {
    reportSizes(r.sizes);
    checks.push(...sizeTargets(r.sizes));
  }
  console.log('\ntargets:');
  for (const [name, ok, detail] of checks) console.log(`  ${ok ? 'met    ' : 'MISSED '} ${name}${detail ? ` (${detail})` : ''}`);
}

/** How far a scenario's rounds lie apart, relative to their median: its noise. */
function spread(values) {
  if (!values || values.length < 2) return 0;
  return (Math.max(...values) - Math.min(...values)) / middle(values);
}

function save(results) {
  const dir = `${ROOT}.bench`;
  mkdirSync(dir, { recursive: true });
  const last = `${dir}/last.json`;
  if (existsSync(last)) {
    const previous = JSON.parse(readFileSync(last, 'utf8'));
    renameSync(last, `${dir}/previous.json`);
    console.log(
      `\nagainst the previous run (${previous.at}): server CPU per request, and whether it moved by more than the rounds' spread`,
    );
    for (const [name, now] of Object.entries({ ...results.scenarios, floor: results.floor })) {
      const before = name === 'floor' ? previous.floor : previous.scenarios?.[name];
      if (!before) continue;
      const noise = Math.max(spread(before.cpuRounds), spread(now.cpuRounds));
      const change = before.cpuMicrosPerRequest ? now.cpuMicrosPerRequest / before.cpuMicrosPerRequest - 1 : 0;
      const verdict =
        !before.cpuMicrosPerRequest || !now.cpuMicrosPerRequest
          ? ''
          : Math.abs(change) <= noise
            ? 'within noise'
            : change > 0
              ? 'SLOWER'
              : 'faster';
      console.log(
        `  ${name.padEnd(16)} ${before.cpuMicrosPerRequest ?? '-'} -> ${now.cpuMicrosPerRequest ?? '-'} µs (${change >= 0 ? '+' : ''}${Math.round(change * 100)}%, noise ±${Math.round(noise * 100)}%) ${verdict}; ${before.requestsPerSecond} -> ${now.requestsPerSecond} req/s, p99 ${before.p99Ms} -> ${now.p99Ms} ms`,
      );
    }
  }
  writeFileSync(last, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nresults: .bench/last.json`);
}

await main();
