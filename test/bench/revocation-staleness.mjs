/**
 * `npm run bench:staleness`: how long another replica still accepts a deleted access token, with the
 * token cache on (ACCESS_TOKEN_CACHE_SECONDS) and off (the default). Two replicas on the bench database;
 * for each trial a token is used on replica B (so B remembers it), deleted through replica A, and B is
 * hammered from before the DELETE until well after its answer. A 200 for a request that B started
 * after the DELETE was answered is stale; the script prints how many and how late. Settings:
 * BENCH_DATABASE_URL (dropped and created), STALENESS_TRIALS (default 50).
 */
import pg from 'pg';
import { DATABASE_URL, recreateDatabase, sleep, SERVICE_COMMAND, startProcess, token } from './bench-support.mjs';

const TRIALS = Number(process.env.STALENESS_TRIALS ?? 50);
const PARALLEL = 8;

async function api(url, method, path, authorization, body) {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: { authorization, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function measure(cacheSeconds) {
  const env = { NODE_ENV: 'production', LOG_LEVEL: 'warn', ACCESS_TOKEN_CACHE_SECONDS: String(cacheSeconds), AUTH_FAILURE_LIMIT: '0' };
  const [a, b] = await Promise.all([
    startProcess(SERVICE_COMMAND, '/health/ready', env),
    startProcess(SERVICE_COMMAND, '/health/ready', env),
  ]);
  const db = new pg.Client({ connectionString: DATABASE_URL });
  await db.connect();
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name LIKE '%token revocations%'`);
  await db.end();
  const owner = `Bearer ${await token('staleness-owner')}`;
  const workspace = await api(a.url, 'POST', '/api/v1/workspaces', owner, { name: 'staleness', billingAccountEmail: 'b@example.com' });
  const tokens = `/api/v1/workspaces/${workspace.body.id}/access-tokens`;
  const stale = [];
  let staleTrials = 0;
  for (let trial = 0; trial < TRIALS; trial++) {
    const minted = await api(a.url, 'POST', tokens, owner, { name: `t${trial}` });
    const basic = `Basic ${Buffer.from(minted.body.tokenString).toString('base64')}`;
    for (let i = 0; i < 2; i++) await api(b.url, 'GET', `/api/v1/workspaces/${workspace.body.id}`, basic);
    let answeredAt = Infinity;
    let stop = false;
    const seen = [];
    const hammer = async () => {
      while (!stop) {
        const startedAt = performance.now();
        const { status } = await api(b.url, 'GET', `/api/v1/workspaces/${workspace.body.id}`, basic);
        seen.push({ startedAt, status });
      }
    };
    const load = Promise.all(Array.from({ length: PARALLEL }, hammer));
    await sleep(20);
    await api(a.url, 'DELETE', `${tokens}/${minted.body.privateToken.id}`, owner);
    answeredAt = performance.now();
    await sleep(100);
    stop = true;
    await load;
    const late = seen.filter((r) => r.startedAt > answeredAt && r.status === 200).map((r) => r.startedAt - answeredAt);
    if (late.length > 0) staleTrials++;
    stale.push(...late);
  }
  await Promise.all([a.stop(), b.stop()]);
  return { listeners: rows[0].n, staleTrials, staleRequests: stale.length, maxMs: stale.length ? Math.max(...stale) : 0 };
}

await recreateDatabase();
for (const seconds of [0, 60]) {
  const r = await measure(seconds);
  console.log(
    `ACCESS_TOKEN_CACHE_SECONDS=${seconds} (replicas listening for revocations: ${r.listeners}): ${r.staleTrials} of ${TRIALS} deletions had a stale 200 on the other replica ` +
      `(${r.staleRequests} requests), the latest ${r.maxMs.toFixed(1)} ms after the DELETE was answered`,
  );
}
