import fc from 'fast-check';
import { bearer, bearerToken } from '../support/test-auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { team } from '../support/workspace-fixtures.js';

/**
 * Property: whatever JSON, non-JSON and headers a client sends to any endpoint, the answer is a
 * 2xx or a clear 4xx (never a 5xx), and what is stored is exactly what was accepted.
 */
/** Percent-encodes any text, lone surrogates included (as the UTF-8 bytes a client could send). */
const encode = (text: string): string => {
  try {
    return encodeURIComponent(text);
  } catch {
    return text.replace(/[\ud800-\udfff]/g, '%ED%A0%80').replace(/[^%A-Za-z0-9]/g, (c) => encodeURIComponent(c));
  }
};

describe('Hostile input (property-based)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('never answers 5xx, and stores exactly what it accepted', async () => {
    const w = await team(t);
    const caller = w.users.owner;
    const auth = await bearer(caller);
    const UUID = '6f1c1c1e-0000-4000-8000-00000000f00d';

    // Values from every class that has broken a service like this one: text PostgreSQL cannot store
    // (NUL), malformed Unicode, control characters, sizes past an index entry, deep nesting, wrong types.
    const hostileText = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary', maxLength: 60 }),
      fc.constantFrom('\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\ud83d', '\u0007\u001b[31m\r\n', '\u202e\ufeff', '', ' '),
      fc.constantFrom('x'.repeat(256), 'x'.repeat(3_000), '\u{1F642}'.repeat(256), 'é'.repeat(2_000)),
    );
    const endpoints: { method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE'; path: fc.Arbitrary<string> }[] = [
      { method: 'POST', path: fc.constant('/api/v1/workspaces') },
      { method: 'GET', path: fc.constantFrom('/api/v1/workspaces', '/api/v1/workspaces?limit=2', `/api/v1/workspaces/${w.workspaceId}`) },
      {
        method: 'PATCH',
        path: fc.constantFrom(`/api/v1/workspaces/${w.workspaceId}`, `/api/v1/workspaces/${UUID}`, '/api/v1/workspaces/%00'),
      },
      { method: 'DELETE', path: fc.constantFrom(`/api/v1/workspaces/${UUID}`, '/api/v1/workspaces/not-a-uuid') },
      { method: 'POST', path: fc.constant('/api/v1/workspace-memberships') },
      {
        method: 'GET',
        path: fc.constantFrom(
          '/api/v1/workspace-memberships',
          `/api/v1/workspace-memberships?workspace_id=${w.workspaceId}&expand=user&expand=workspace`,
        ),
      },
      { method: 'DELETE', path: fc.constantFrom(`/api/v1/workspace-memberships/${UUID}`, '/api/v1/workspace-memberships/%E2%82') },
      { method: 'POST', path: fc.constant(`/api/v1/workspaces/${w.workspaceId}/access-tokens`) },
      { method: 'GET', path: fc.constant(`/api/v1/workspaces/${w.workspaceId}/access-tokens`) },
      {
        method: 'DELETE',
        path: fc.constantFrom(
          `/api/v1/workspaces/${w.workspaceId}/access-tokens/${UUID}`,
          `/api/v1/workspaces/${w.workspaceId}/access-tokens/x`,
        ),
      },
      { method: 'POST', path: fc.constant(`/api/v1/workspaces/${w.workspaceId}/access-tokens/lookup`) },
      { method: 'GET', path: fc.webPath().map((p) => `/api/v1/workspace-memberships?${p.replace(/^\//, '')}`) },
      { method: 'POST', path: fc.constant('/api/v1/access-tokens') },
      {
        method: 'GET',
        path: fc
          .tuple(hostileText, hostileText, hostileText)
          .map(([a, b, c]) => `/api/v1/access-tokens?subject_id=${encode(a)}&skip=${encode(b)}&limit=${encode(c)}`),
      },
      { method: 'DELETE', path: hostileText.map((v) => `/api/v1/access-tokens/${encode(v)}`) },
      { method: 'POST', path: fc.constant('/api/v1/access-tokens/lookup') },
      {
        method: 'GET',
        path: fc.tuple(hostileText, hostileText).map(([a, b]) => `/api/v1/users/${encode(a)}/workspace-memberships?expand=${encode(b)}`),
      },
      { method: 'GET', path: fc.constant(`/api/v1/users/${encode(caller)}/workspace-memberships?expand=workspace`) },
      { method: 'POST', path: fc.constant(`/api/v1/workspaces/${w.workspaceId}/invites`) },
      { method: 'GET', path: fc.constantFrom(`/api/v1/workspaces/${w.workspaceId}/invites`, '/api/v1/invites') },
      { method: 'PUT', path: hostileText.map((v) => `/api/v1/workspaces/${w.workspaceId}/invites/${encode(v)}`) },
      { method: 'PUT', path: fc.constant(`/api/v1/workspaces/${w.workspaceId}/invites/${UUID}`) },
      { method: 'DELETE', path: hostileText.map((v) => `/api/v1/workspaces/${encode(v)}/invites/${UUID}`) },
      // Hostile path parameters and query values, on every kind of route.
      { method: 'GET', path: hostileText.map((v) => `/api/v1/workspaces/${encode(v)}?expand=${encode(v)}`) },
      { method: 'PATCH', path: hostileText.map((v) => `/api/v1/workspaces/${encode(v)}`) },
      { method: 'DELETE', path: hostileText.map((v) => `/api/v1/workspace-memberships/${encode(v)}`) },
      { method: 'GET', path: hostileText.map((v) => `/api/v1/workspace-memberships/${encode(v)}?expand=${encode(v)}`) },
      {
        method: 'GET',
        path: fc.constantFrom(
          `/api/v1/workspace-memberships/${w.memberships.admin}?expand=user&expand=workspace`,
          `/api/v1/workspace-memberships/${UUID}`,
        ),
      },
      { method: 'DELETE', path: hostileText.map((v) => `/api/v1/workspaces/${w.workspaceId}/access-tokens/${encode(v)}`) },
      { method: 'POST', path: hostileText.map((v) => `/api/v1/workspaces/${encode(v)}/access-tokens/lookup`) },
      {
        method: 'GET',
        path: fc
          .tuple(hostileText, hostileText, hostileText)
          .map(
            ([a, b, c]) =>
              `/api/v1/workspace-memberships?user_id=${encode(a)}&workspace_id=${w.workspaceId}&workspace_id=${encode(b)}&expand=${encode(c)}&user_id=x`,
          ),
      },
      {
        method: 'GET',
        path: fc.tuple(hostileText, hostileText).map(([a, b]) => `/api/v1/workspaces?limit=${encode(a)}&cursor=${encode(b)}`),
      },
      {
        method: 'GET',
        path: fc
          .tuple(hostileText, hostileText, hostileText)
          .map(
            ([a, b, c]) =>
              `/api/v1/workspaces/${w.workspaceId}/events?limit=${encode(a)}&cursor=${encode(b)}&type=${encode(c)}&type=workspace.created`,
          ),
      },
      { method: 'GET', path: hostileText.map((v) => `/api/v1/workspaces/${encode(v)}/events`) },
      { method: 'POST', path: fc.constant('/api/v1/authorization/check') },
      {
        method: 'GET',
        path: fc
          .tuple(hostileText, hostileText, hostileText, hostileText)
          .map(
            ([a, u, l, c]) =>
              `/api/v1/authorization/workspaces?action=${encode(a)}&user_id=${encode(u)}&limit=${encode(l)}&cursor=${encode(c)}`,
          ),
      },
      { method: 'GET', path: hostileText.map((u) => `/api/v1/authorization/workspaces?action=workspace.read&user_id=${encode(u)}`) },
      {
        method: 'GET',
        path: fc.string().map((v) => `/api/v1/workspaces/${w.workspaceId}/events?cursor=${Buffer.from(v).toString('base64url')}`),
      },
      {
        method: 'GET',
        path: fc
          .tuple(fc.string(), fc.string(), fc.integer())
          .map(([d, id, n]) => `/api/v1/workspaces?cursor=${Buffer.from(JSON.stringify([d, id, n])).toString('base64url')}`),
      },
    ];

    const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 3 }), hostileText);
    /** JSON text nested `levels` deep, to put where a value goes. */
    const deepJson = fc.integer({ min: 20, max: 5_000 }).map((levels) => '['.repeat(levels) + ']'.repeat(levels));
    const plausible = fc.record(
      {
        name: fc.oneof(fc.string({ unit: 'binary', maxLength: 140 }), anyValue),
        billingAccountEmail: fc.oneof(fc.emailAddress(), fc.string(), anyValue),
        firstMemberId: fc.oneof(fc.constant(caller), fc.constant(null), fc.string(), anyValue),
        userId: fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), anyValue, hostileText),
        workspaceId: fc.oneof(fc.constant(w.workspaceId), fc.uuid(), fc.string(), anyValue),
        privileges: fc.oneof(fc.constantFrom([], ['ROLE_WORKSPACE_MEMBER'], ['ROLE_WORKSPACE_ADMIN'], ['ROLE_WORKSPACE_OWNER']), anyValue),
        expiresAt: fc.oneof(
          fc.constant(null),
          fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
          fc.string(),
          anyValue,
        ),
        accessToken: fc.oneof(fc.string(), anyValue),
        email: fc.oneof(fc.emailAddress(), fc.string(), anyValue),
        privilege: fc.oneof(fc.constantFrom('ROLE_WORKSPACE_MEMBER', 'ROLE_WORKSPACE_ADMIN', 'ROLE_WORKSPACE_OWNER'), anyValue),
        action: fc.oneof(fc.constantFrom('accept', 'decline', 'workspace.read', 'membership.add'), anyValue),
        checks: fc.oneof(
          fc.array(
            fc.record(
              {
                correlationId: fc.oneof(fc.string(), hostileText, anyValue),
                workspaceId: fc.oneof(fc.constant(w.workspaceId), fc.uuid(), hostileText, anyValue),
                userId: fc.oneof(fc.constant(caller), hostileText, anyValue),
                action: fc.oneof(fc.constantFrom('workspace.read', 'workspace.delete', 'audit_log.read'), hostileText, anyValue),
              },
              { requiredKeys: [] },
            ),
            { maxLength: 120 },
          ),
          anyValue,
        ),
      },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      plausible.map((value) => JSON.stringify(value)),
      plausible.chain((value) =>
        fc
          .tuple(fc.constantFrom(...Object.keys(value), 'unknownField'), deepJson)
          .map(([key, deep]) =>
            JSON.stringify({ ...value, [key]: 0 }).replace(`${JSON.stringify(key)}:0`, `${JSON.stringify(key)}:${deep}`),
          ),
      ),
      anyValue.map((value) => JSON.stringify(value)),
      deepJson,
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.constant(''),
    );
    const headerValue = fc.string({ maxLength: 60 }).filter((v) => /^[\x20-\x7e]*$/.test(v));
    // Signed bearer tokens whose claims are hostile (the signature is valid: only the claims can refuse them).
    const hostileSubjects = ['\u0000', 'a\u0000', '\ud800', 'x'.repeat(256), 'x'.repeat(3_000), '', ' ', caller + '\u0000'];
    const hostileBearers = await Promise.all([
      ...hostileSubjects.map(async (sub) => (await bearer(sub)).authorization),
      (async () => `Bearer ${await bearerToken(caller, { expiresIn: null })}`)(),
      (async () => `Bearer ${await bearerToken(caller, { expiresIn: -10 })}`)(),
    ]);
    const base64 = (text: string) => Buffer.from(text).toString('base64');
    const headers = fc.record(
      {
        'content-type': fc.oneof(fc.constant('application/json'), fc.constant('application/json; charset=utf-8'), headerValue),
        'idempotency-key': fc.oneof(headerValue, fc.constant('k'.repeat(255)), fc.constant('k'.repeat(256))),
        'x-request-id': headerValue,
        authorization: fc.oneof(
          fc.constant(auth.authorization),
          fc.constant(auth.authorization),
          fc.constant(auth.authorization),
          headerValue.map((v) => `Bearer ${v}`),
          headerValue.map((v) => `Basic ${v}`),
          hostileText.map((v) => `Basic ${base64(v)}`),
          fc.constantFrom(...hostileBearers),
          fc.constant([auth.authorization, auth.authorization] as unknown as string),
        ),
      },
      { requiredKeys: ['content-type', 'authorization'] },
    );

    /** Every row this caller's requests can touch (other test files share the database), as one digest. */
    const snapshot = async (): Promise<string> => {
      const [row] = await t.dataSource.query(
        `WITH mine AS (SELECT workspace_id FROM workspace_memberships WHERE user_id = $1)
         SELECT md5(coalesce(string_agg(x, '|' ORDER BY x), '')) AS digest FROM (
           SELECT 'w' || id || name || billing_account_email || updated_at FROM workspaces WHERE id IN (SELECT workspace_id FROM mine)
           UNION ALL SELECT 'm' || id || workspace_id || user_id || privilege FROM workspace_memberships
             WHERE workspace_id IN (SELECT workspace_id FROM mine) OR user_id = $1
           UNION ALL SELECT 't' || t.id || t.name || t.hash FROM workspace_access_tokens t JOIN workspace_memberships m ON m.id = t.membership_id
             WHERE m.workspace_id IN (SELECT workspace_id FROM mine)
           UNION ALL SELECT 'k' || scope || key || status_code FROM idempotency_keys WHERE scope LIKE '%user:' || $1
           UNION ALL SELECT 'u' || id || coalesce(email, '') FROM users WHERE id = $1
           UNION ALL SELECT 'i' || id || email || status || updated_at FROM invitations WHERE workspace_id IN (SELECT workspace_id FROM mine)
           UNION ALL SELECT 'a' || id || name || hash FROM user_access_tokens WHERE user_id = $1
           UNION ALL SELECT 'e' || id FROM events WHERE workspace_id IN (SELECT workspace_id FROM mine) OR actor_user_id = $1
         ) rows(x)`,
        [caller],
      );
      return row.digest;
    };
    const accepted = { workspaces: 0, memberships: 0, tokens: 0, invitations: 0, userTokens: 0 };
    let currentName = 'Team';

    await fc.assert(
      fc.asyncProperty(
        fc.nat(endpoints.length - 1).chain((i) => fc.tuple(fc.constant(endpoints[i]), endpoints[i].path, body, headers)),
        async ([endpoint, path, payload, sent]) => {
          const before = await snapshot();
          const response = await t.app.inject({
            method: endpoint.method,
            url: path,
            headers: sent,
            payload: endpoint.method === 'GET' || endpoint.method === 'DELETE' ? undefined : payload,
          });
          if (response.statusCode >= 500)
            throw new Error(`${endpoint.method} ${path} ${JSON.stringify(sent)} ${payload} -> ${response.statusCode} ${response.body}`);
          if (response.statusCode >= 400) {
            expect(response.statusCode).toBeLessThan(500);
            // A refused request changed nothing.
            if ((await snapshot()) !== before)
              throw new Error(`${endpoint.method} ${path} ${payload} -> ${response.statusCode}, yet rows changed`);
            const detail = JSON.parse(response.body).detail;
            expect(typeof detail === 'string' || Array.isArray(detail)).toBe(true);
            return;
          }
          const replayed = response.headers['idempotent-replayed'] === 'true';
          // A hostile bearer with a usable subject (' ') creates a workspace of its own, not the caller's.
          const asCaller = sent.authorization === auth.authorization;
          if (endpoint.method === 'POST' && path === '/api/v1/workspaces' && !replayed && asCaller) accepted.workspaces++;
          if (endpoint.method === 'POST' && path === '/api/v1/workspace-memberships' && !replayed) accepted.memberships++;
          if (endpoint.method === 'POST' && path.startsWith('/api/v1/workspaces/') && path.endsWith('/access-tokens') && !replayed)
            accepted.tokens++;
          if (endpoint.method === 'POST' && path === '/api/v1/access-tokens' && !replayed && asCaller) accepted.userTokens++;
          if (endpoint.method === 'POST' && path.endsWith('/invites') && !replayed) accepted.invitations++;
          if (endpoint.method === 'PATCH' && path.endsWith(w.workspaceId)) currentName = JSON.parse(response.body).name;
        },
      ),
      { numRuns: 1_000, seed: Number(process.env.FC_SEED ?? Date.now() % 2 ** 31), verbose: 1 },
    );

    const [counts] = await t.dataSource.query(
      `SELECT
         (SELECT count(*) FROM workspace_memberships WHERE user_id = $1 AND workspace_id <> $2)::int AS workspaces,
         (SELECT count(*) FROM workspace_memberships WHERE workspace_id = $2)::int AS memberships,
         (SELECT count(*) FROM workspace_access_tokens WHERE membership_id = $3)::int AS tokens,
         (SELECT count(*) FROM invitations WHERE workspace_id = $2)::int AS invitations,
         (SELECT count(*) FROM user_access_tokens WHERE user_id = $1)::int AS "userTokens",
         (SELECT name FROM workspaces WHERE id = $2) AS name`,
      [caller, w.workspaceId, w.memberships.owner],
    );
    expect(counts).toEqual({
      workspaces: accepted.workspaces,
      memberships: 3 + accepted.memberships,
      tokens: accepted.tokens,
      invitations: accepted.invitations,
      userTokens: accepted.userTokens,
      name: currentName,
    });
  }, 120_000);
});
