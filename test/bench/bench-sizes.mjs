/**
 * The size scenario of `npm run bench`: workspaces of 1, 10,000 and 100,000 members, set up in bulk by
 * SQL, and for each the operations other services and people send to a workspace, one client at a
 * time (median of a few; a page of members from the middle of the list among them), then adds from
 * 8 clients at once, and last the whole member list (as the contract asks for it, no page). A
 * request's cost must not grow with the workspace: every operation at 100,000 members within 1.5x
 * of the same at 1, concurrent adds at 100,000 at least 0.7x those at 1, the whole list's cost per
 * member at 100,000 within 1.5x of that at 10,000.
 */
import { sleep, token } from './bench-support.mjs';

export const SIZES = [1, 10_000, 100_000];
const TIMES = Number(process.env.BENCH_SIZE_TIMES ?? 5);
const CONCURRENT_CLIENTS = 8;
const CONCURRENT_SECONDS = Number(process.env.BENCH_SIZE_CONCURRENT_SECONDS ?? 5);

/** A workspace of `size` members (its owner among them) written by SQL, with the owner's access token made through the API. */
async function seed(db, url, size) {
  const owner = `size-owner-${size}`;
  const {
    rows: [{ id }],
  } = await db.query(
    `INSERT INTO workspaces (id, name, billing_account_email, created_at, updated_at, member_count)
     VALUES (gen_random_uuid(), $1, 'billing@example.com', now(), now(), $2) RETURNING id`,
    [`Size ${size}`, size],
  );
  await db.query(
    `INSERT INTO workspace_memberships (id, workspace_id, user_id, privilege, created_at, updated_at)
     VALUES (gen_random_uuid(), $1, $2, 'ROLE_WORKSPACE_OWNER', now(), now())`,
    [id, owner],
  );
  await db.query(
    `INSERT INTO workspace_memberships (id, workspace_id, user_id, privilege, created_at, updated_at)
     SELECT gen_random_uuid(), $1::uuid, 'size-member-' || $1::text || '-' || i, 'ROLE_WORKSPACE_MEMBER', now(), now()
     FROM generate_series(2, $2::int) AS i`,
    [id, size],
  );
  await db.query('ANALYZE workspace_memberships');
  const bearer = `Bearer ${await token(owner)}`;
  const minted = await fetch(`${url}/api/v1/workspaces/${id}/access-tokens`, {
    method: 'POST',
    headers: { authorization: bearer, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'size bench' }),
  });
  if (minted.status !== 201) throw new Error(`size ${size}: minting a token answered ${minted.status}`);
  const basic = `Basic ${Buffer.from((await minted.json()).tokenString).toString('base64')}`;
  return { id, owner, bearer, basic, size };
}

/** One request's time in ms, and whether it was answered as expected (a connection the server dropped is status 0). */
async function timed(url, { method = 'GET', path, authorization, body }, expected) {
  const started = performance.now();
  try {
    const response = await fetch(`${url}${path}`, {
      method,
      headers: { authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { ms: performance.now() - started, ok: response.status === expected, status: response.status, text };
  } catch {
    return { ms: performance.now() - started, ok: false, status: 0, text: '' };
  }
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs a request TIMES times, one at a time, into `results[name]`: the median ms and the unexpected answers. */
async function sample(url, results, name, request, expected) {
  const samples = [];
  let failures = 0;
  for (let i = 0; i < TIMES; i++) {
    const answer = await timed(url, await request(i), expected);
    samples.push(answer.ms);
    if (!answer.ok) failures++;
  }
  results[name] = { ms: Math.round(median(samples) * 10) / 10, failures };
}

async function operations(url, workspace) {
  const { id, owner, bearer, basic } = workspace;
  const results = {};
  const run = (name, request, expected) => sample(url, results, name, request, expected);
  await run('get', () => ({ path: `/api/v1/workspaces/${id}`, authorization: bearer }), 200);
  await run(
    'ownMembership',
    () => ({ path: `/api/v1/workspace-memberships?workspace_id=${id}&user_id=${owner}`, authorization: bearer }),
    200,
  );
  const added = [];
  await run(
    'add',
    (i) => {
      added.push(`size-added-${id}-${i}-${Date.now()}`);
      return {
        method: 'POST',
        path: '/api/v1/workspace-memberships',
        authorization: bearer,
        body: { workspaceId: id, userId: added.at(-1), privileges: ['ROLE_WORKSPACE_MEMBER'] },
      };
    },
    200,
  );
  const membershipIds = [];
  for (const userId of added) {
    const listed = await timed(
      url,
      { path: `/api/v1/workspace-memberships?workspace_id=${id}&user_id=${userId}`, authorization: bearer },
      200,
    );
    membershipIds.push(listed.ok ? JSON.parse(listed.text).data[0]?.id : undefined);
  }
  await run('remove', (i) => ({ method: 'DELETE', path: `/api/v1/workspace-memberships/${membershipIds[i]}`, authorization: bearer }), 204);
  await run(
    'rename',
    (i) => ({ method: 'PATCH', path: `/api/v1/workspaces/${id}`, authorization: bearer, body: { name: `Size ${i}` } }),
    200,
  );
  await run('basicRead', () => ({ path: `/api/v1/workspaces/${id}`, authorization: basic }), 200);
  await run('auditLogPage', () => ({ path: `/api/v1/workspaces/${id}/events?limit=20`, authorization: bearer }), 200);
  // A page of 100 members from the middle of the list (the cursor of the first page of half the workspace).
  const half = Math.max(1, Math.floor(workspace.size / 2));
  const first = await fetch(`${url}/api/v1/workspace-memberships?workspace_id=${id}&limit=${Math.min(half, 1000)}`, {
    headers: { authorization: bearer },
  });
  await first.arrayBuffer();
  const cursor = first.headers.get('next-cursor');
  await run(
    'membersPage',
    () => ({
      path: `/api/v1/workspace-memberships?workspace_id=${id}&limit=100${cursor ? `&cursor=${cursor}` : ''}`,
      authorization: bearer,
    }),
    200,
  );
  return results;
}

/** Adds from CONCURRENT_CLIENTS clients at once for CONCURRENT_SECONDS: adds per second and the failed requests. */
async function concurrentAdds(url, { id, bearer }) {
  const deadline = performance.now() + CONCURRENT_SECONDS * 1000;
  let added = 0;
  let failed = 0;
  let next = 0;
  // Users never added before: the runs into one workspace add others each time.
  const run = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const client = async () => {
    while (performance.now() < deadline) {
      const response = await timed(
        url,
        {
          method: 'POST',
          path: '/api/v1/workspace-memberships',
          authorization: bearer,
          body: { workspaceId: id, userId: `size-concurrent-${id}-${run}-${next++}`, privileges: ['ROLE_WORKSPACE_MEMBER'] },
        },
        200,
      );
      if (response.ok) added++;
      else failed++;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENT_CLIENTS }, client));
  return { addsPerSecond: Math.round(added / ((performance.now() - started) / 1000)), failed };
}

/** Round by round, the mean of each operation's medians, and its failures summed. */
function merged(rounds) {
  return Object.fromEntries(
    Object.keys(rounds[0]).map((name) => [
      name,
      {
        ms: Math.round((rounds.reduce((sum, round) => sum + round[name].ms, 0) / rounds.length) * 10) / 10,
        failures: rounds.reduce((sum, round) => sum + round[name].failures, 0),
      },
    ]),
  );
}

export async function measureSizes(db, url) {
  const bySize = {};
  const workspaces = {};
  for (const size of SIZES) workspaces[size] = await seed(db, url, size);
  // Fresh ones for the concurrent adds, set up now as well: writing 100,000 rows leaves the database
  // busy for a while, which must not fall on one size's measurement only.
  const forAdds = { small: await seed(db, url, SIZES[0]), large: await seed(db, url, SIZES.at(-1)) };
  await sleep(2_000);
  // Once, unrecorded: the first requests of each kind warm the process up (JIT, statement caches).
  await operations(url, await seed(db, url, SIZES[0]));
  // The sizes in turn, twice, so that whatever else the machine does falls on all of them alike.
  const rounds = Object.fromEntries(SIZES.map((size) => [size, []]));
  for (let round = 0; round < 2; round++) for (const size of SIZES) rounds[size].push(await operations(url, workspaces[size]));
  for (const size of SIZES) bySize[size] = { operations: merged(rounds[size]) };
  // Into the smallest and the largest, twice each, in the order small, large, large, small, after one
  // unrecorded run: the first burst of adds after a quiet spell is faster than any later one (the
  // process's state after a burst, whatever the workspace), which must not favour either size.
  await concurrentAdds(url, await seed(db, url, SIZES[0]));
  const adds = { small: [], large: [] };
  for (const which of ['small', 'large', 'large', 'small']) adds[which].push(await concurrentAdds(url, forAdds[which]));
  const total = (list) => ({
    addsPerSecond: Math.round(list.reduce((sum, run) => sum + run.addsPerSecond, 0) / list.length),
    failed: list.reduce((sum, run) => sum + run.failed, 0),
  });
  bySize[SIZES[0]].concurrentAdds = total(adds.small);
  bySize[SIZES.at(-1)].concurrentAdds = total(adds.large);
  // The members of the workspace, as the contract asks for them (all of them, no page): last, since it
  // is what a large workspace may not survive. Its cost grows with the members it answers: what must
  // not grow is the cost per member.
  for (const size of SIZES) {
    const { id, bearer } = workspaces[size];
    const whole = {};
    await sample(
      url,
      whole,
      'membersList',
      () => ({ path: `/api/v1/workspace-memberships?workspace_id=${id}`, authorization: bearer }),
      200,
    );
    bySize[size].wholeList = { ...whole.membersList, members: size };
  }
  return bySize;
}

export function reportSizes(bySize) {
  const names = Object.keys(bySize[SIZES[0]].operations);
  console.log(`\nsize scenario (median ms of ${TIMES}, one client, the mean of 2 rounds; failed requests in brackets):`);
  console.log(`${'operation'.padEnd(16)}${SIZES.map((size) => `${size.toLocaleString('en')} members`.padStart(18)).join('')}`);
  for (const name of names) {
    const cells = SIZES.map((size) => {
      const { ms, failures } = bySize[size].operations[name];
      return `${ms}${failures ? ` [${failures}]` : ''}`.padStart(18);
    });
    console.log(`${name.padEnd(16)}${cells.join('')}`);
  }
  const perMember = SIZES.map((size) => {
    const { ms, failures, members } = bySize[size].wholeList;
    return `${ms} ms${failures ? ` [${failures}]` : ''} (${Math.round((ms * 1000) / members)} µs/member)`;
  });
  console.log(`whole member list: ${perMember.join(', ')}`);
  const small = bySize[SIZES[0]].concurrentAdds;
  const large = bySize[SIZES.at(-1)].concurrentAdds;
  console.log(
    `${CONCURRENT_CLIENTS} clients adding at once: ${small.addsPerSecond} adds/s at ${SIZES[0]} member [${small.failed} failed], ${large.addsPerSecond} adds/s at ${SIZES.at(-1).toLocaleString('en')} [${large.failed} failed]`,
  );
}

/** The size targets, as [name, met, detail] rows. */
export function sizeTargets(bySize) {
  const small = bySize[SIZES[0]];
  const large = bySize[SIZES.at(-1)];
  const rows = Object.keys(small.operations).map((name) => {
    // A page of members holds 100 of them only where there are 100: compared with the 10,000.
    const [base, label] = name === 'membersPage' ? [bySize[SIZES[1]], '10,000'] : [small, '1'];
    const ratio = large.operations[name].ms / base.operations[name].ms;
    const answered = large.operations[name].failures === 0 && base.operations[name].failures === 0;
    return [
      `${name} at 100,000 members within 1.5x of ${label}`,
      answered && ratio <= 1.5,
      answered ? `${ratio.toFixed(1)}x` : 'requests failed',
    ];
  });
  const middle = bySize[SIZES[1]].wholeList;
  const perMember = (list) => list.ms / list.members;
  const listRatio = perMember(large.wholeList) / perMember(middle);
  rows.push([
    'whole member list: cost per member at 100,000 within 1.5x of that at 10,000',
    large.wholeList.failures === 0 && listRatio <= 1.5,
    `${listRatio.toFixed(2)}x`,
  ]);
  const addRatio = large.concurrentAdds.addsPerSecond / Math.max(1, small.concurrentAdds.addsPerSecond);
  rows.push(['concurrent adds at 100,000 >= 0.7x those at 1', addRatio >= 0.7, `${addRatio.toFixed(2)}x`]);
  const failures =
    SIZES.reduce(
      (sum, size) => sum + Object.values(bySize[size].operations).reduce((n, op) => n + op.failures, 0) + bySize[size].wholeList.failures,
      0,
    ) +
    small.concurrentAdds.failed +
    large.concurrentAdds.failed;
  rows.push(['size scenario: no failed requests', failures === 0, `${failures} failed`]);
  return rows;
}
