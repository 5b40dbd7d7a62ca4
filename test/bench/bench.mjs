/**
 * `npm run bench`: the service against PostgreSQL under load, beside a floor (bare Fastify + pg)
 * doing the same create, in one run. Prints a table and the targets, writes .bench/last.json and
 * compares it with the previous run. Settings: BENCH_DATABASE_URL (a database it drops and creates),
 * BENCH_DURATION (seconds per scenario, default 10), BENCH_CONNECTIONS (default 50), BENCH_ROUNDS (creates
 * and lists alternate this many times, median reported; default 3), BENCH_NATS_URL (default nats://127.0.0.1:4222:
 * creates on a second replica that publishes its events there; skipped when it does not answer), BENCH_SIZES=0
 * (skips the size scenario, bench-sizes.mjs; BENCH_SIZE_TIMES and BENCH_SIZE_CONCURRENT_SECONDS tune it).
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

async function measureGet(url, path, authorization, server) {
  const request = { method: 'GET', headers: authorization ? { authorization } : {} };
  await load(`${url}${path}`, request, WARMUP);
  const cpuBefore = server && cpuMs(server.child.pid);
  const figures = await load(`${url}${path}`, request);
  if (server) figures.cpuMicrosPerRequest = Math.round(((cpuMs(server.child.pid) - cpuBefore) * 1000) / figures.total);
  return figures;
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

/** The round with the median throughput, and every round's throughput beside it. */
function median(results) {
  const sorted = [...results].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
  const rounds = results.map((r) => r.requestsPerSecond);
  if (!('rowsMatch' in results[0])) return { ...sorted[Math.floor(sorted.length / 2)], rounds };
  return { ...sorted[Math.floor(sorted.length / 2)], rounds, rowsMatch: results.every((r) => r.rowsMatch) };
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

  const floorProcess = await startProcess('test/bench/floor-server.mjs', '/api/v1/workspaces');
  const bearer = await creators('creator-bearer');
  const basic = `Basic ${Buffer.from(minted.tokenString).toString('base64')}`;
  const userBasic = `Basic ${Buffer.from(userMinted.tokenString).toString('base64')}`;
  const floorAuth = await creators('creator-floor');
  const rounds = { createBearer: [], createPublished: [], floor: [], readBearer: [], readBasic: [], readUserToken: [] };
  const workspacePath = `/api/v1/workspaces/${created.id}`;
  for (let round = 0; round < ROUNDS; round++) {
    rounds.floor.push(await measureCreate(db, floorProcess, 'creator-floor', floorAuth));
    rounds.createBearer.push(await measureCreate(db, service, 'creator-bearer', bearer));
    if (publisher) {
      rounds.createPublished.push(await measureCreate(db, publisher, 'creator-published', publishedAuth));
      drains.push(await drainEvents(db));
    }
    rounds.readBearer.push(await measureGet(service.url, workspacePath, `Bearer ${await token(basicOwner)}`, service));
    rounds.readBasic.push(await measureGet(service.url, workspacePath, basic, service));
    rounds.readUserToken.push(await measureGet(service.url, workspacePath, userBasic, service));
  }
  await floorProcess.stop();
  const publisherPeakMb = publisher ? peakMemoryMb(publisher.child.pid) : null;
  await publisher?.stop();
  if (publisher) await deleteBenchStream();
  const scenarios = {
    createBearer: median(rounds.createBearer),
    ...(publisher ? { createPublished: median(rounds.createPublished) } : {}),
    readBearer: median(rounds.readBearer),
    readBasic: median(rounds.readBasic),
    readUserToken: median(rounds.readUserToken),
  };
  const floor = median(rounds.floor);
  // The two list scenarios alternate too: whichever ran first after the creates would meet
  // PostgreSQL still busy with them.
  const lists = { list10k: [], list10: [] };
  for (let round = 0; round < ROUNDS; round++) {
    lists.list10k.push(await measureGet(service.url, '/api/v1/workspaces?limit=10', `Bearer ${await token('lister')}`));
    lists.list10.push(await measureGet(service.url, '/api/v1/workspaces?limit=10', `Bearer ${await token('lister-small')}`));
  }
  scenarios.list10k = median(lists.list10k);
  scenarios.list10 = median(lists.list10);
  scenarios.healthLive = await measureGet(service.url, '/health/live');
  // Before the size scenario, whose whole-workspace listings are measured on their own.
  const peakMb = peakMemoryMb(service.child.pid);
  const sizes = process.env.BENCH_SIZES === '0' ? null : await measureSizes(db, service.url);
  await service.stop();

  const plans = { lister10k: await listPlan(db, 'lister'), lister10: await listPlan(db, 'lister-small') };
  await db.end();

  const results = {
    at: new Date().toISOString(),
    settings: { connections: CONNECTIONS, durationSeconds: DURATION, rounds: ROUNDS, node: process.version },
    startup: { firstStartWithMigrationsMs: Math.round(first.readyMs), startToReadyMs: Math.round(service.readyMs) },
    peakMemoryMb: Math.round(peakMb),
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

function report(r) {
  const s = r.scenarios;
  const row = (name, s) =>
    `${name.padEnd(28)} ${String(s.requestsPerSecond).padStart(7)} ${String(s.p50Ms).padStart(7)} ${String(s.p99Ms).padStart(7)} ${String(s.non2xx).padStart(7)} ${String(s.errors).padStart(7)}${'rounds' in s && !('rowsMatch' in s) ? `   rounds ${s.rounds.join('/')}` : ''}${'rowsMatch' in s ? `   server CPU ${s.cpuMicrosPerRequest} µs/request; rounds ${s.rounds.join('/')}; rows = 201s (+ requests in flight at the stop) in every round: ${s.rowsMatch ? 'yes' : 'NO'}` : ''}`;
  console.log(
    `\n${'scenario'.padEnd(28)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'non-2xx'.padStart(7)} ${'errors'.padStart(7)}`,
  );
  console.log(row('create (bearer)', r.scenarios.createBearer));
  if (s.createPublished) console.log(row('create, events to NATS', s.createPublished));
  console.log(row('read workspace (bearer)', r.scenarios.readBearer));
  console.log(row('read workspace (Basic token)', r.scenarios.readBasic));
  console.log(row('read workspace (user token)', r.scenarios.readUserToken));
  console.log(row('list, user in 10,000', r.scenarios.list10k));
  console.log(row('list, user in 10', r.scenarios.list10));
  console.log(row('GET /health/live', r.scenarios.healthLive));
  console.log(row('floor: create (Fastify + pg)', r.floor));
  console.log(
    `\nserver CPU per create: service ${s.createBearer.cpuMicrosPerRequest} µs (bearer); floor ${r.floor.cpuMicrosPerRequest} µs`,
  );
  console.log(
    `server CPU per read: ${s.readBearer.cpuMicrosPerRequest} µs (bearer), ${s.readBasic.cpuMicrosPerRequest} µs (Basic), ${s.readUserToken.cpuMicrosPerRequest} µs (user token)`,
  );
  if (s.createPublished) {
    console.log(
      `create on a replica that also publishes its events: ${pct(s.createPublished.requestsPerSecond, s.createBearer.requestsPerSecond)} of create without NATS (req/s)`,
    );
    const published = r.eventDrains.map((d) => `${d.events} in ${d.ms} ms`).join(', ');
    console.log(
      `events published to NATS (one per create; the backlog left when a round's creates stopped, and the time it took to go out): ${published}`,
    );
  } else console.log(`create with events published: skipped (no NATS at ${NATS_URL})`);
  console.log(`start to ready: ${r.startup.startToReadyMs} ms (first start, with migrations: ${r.startup.firstStartWithMigrationsMs} ms)`);
  console.log(
    `peak memory (RSS high-water mark) over the run: ${r.peakMemoryMb} MB${r.publisherPeakMemoryMb === null ? '' : `; the replica publishing to NATS: ${r.publisherPeakMemoryMb} MB`}`,
  );
  console.log(`\nlist plan, user in 10,000 workspaces:\n  ${r.plans.lister10k.join('\n  ')}`);
  const checks = [
    [
      'create throughput >= 80% of the floor',
      r.ratios.createVsFloorThroughput >= 0.8,
      pct(s.createBearer.requestsPerSecond, r.floor.requestsPerSecond),
    ],
    ['create p99 <= 1.5x the floor', r.ratios.createVsFloorP99 <= 1.5, `${r.ratios.createVsFloorP99.toFixed(2)}x`],
    [
      'zero errors and non-2xx',
      [s.createBearer, s.createPublished, s.readBearer, s.readBasic, s.readUserToken, s.list10k, s.list10, s.healthLive]
        .filter(Boolean)
        .every((x) => x.errors === 0 && x.non2xx === 0),
      '',
    ],
    ['rows stored = 201s counted', s.createBearer.rowsMatch && r.floor.rowsMatch && (s.createPublished?.rowsMatch ?? true), ''],
    [
      'Basic costs <= 15% against bearer (reads)',
      r.ratios.basicVsBearerThroughput >= 0.85,
      `Basic at ${pct(s.readBasic.requestsPerSecond, s.readBearer.requestsPerSecond)} of bearer`,
    ],
    [
      'user token costs <= 15% against bearer (reads)',
      s.readUserToken.requestsPerSecond / s.readBearer.requestsPerSecond >= 0.85,
      `user token at ${pct(s.readUserToken.requestsPerSecond, s.readBearer.requestsPerSecond)} of bearer`,
    ],
    [
      'listing flat: 10,000 vs 10 within 15%',
      r.ratios.list10kVs10Throughput >= 0.85,
      pct(s.list10k.requestsPerSecond, s.list10.requestsPerSecond),
    ],
    [
      'peak memory < 200 MB (each replica)',
      Math.max(r.peakMemoryMb, r.publisherPeakMemoryMb ?? 0) < 200,
      `${r.peakMemoryMb} MB, publishing ${r.publisherPeakMemoryMb ?? '-'} MB`,
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

function save(results) {
  const dir = `${ROOT}.bench`;
  mkdirSync(dir, { recursive: true });
  const last = `${dir}/last.json`;
  if (existsSync(last)) {
    const previous = JSON.parse(readFileSync(last, 'utf8'));
    renameSync(last, `${dir}/previous.json`);
    console.log(`\nagainst the previous run (${previous.at}):`);
    for (const [name, now] of Object.entries({ ...results.scenarios, floor: results.floor })) {
      const before = name === 'floor' ? previous.floor : previous.scenarios?.[name];
      if (before)
        console.log(
          `  ${name.padEnd(14)} ${before.requestsPerSecond} -> ${now.requestsPerSecond} req/s, p99 ${before.p99Ms} -> ${now.p99Ms} ms`,
        );
    }
  }
  writeFileSync(last, `${JSON.stringify(results, null, 2)}\n`);
  console.log(`\nresults: .bench/last.json`);
}

await main();
