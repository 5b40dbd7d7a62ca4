import fc from 'fast-check';
import { bearer } from '../support/test-auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { team } from '../support/workspace-fixtures.js';

/**
 * Property: whatever JSON, non-JSON and headers a client sends to any endpoint, the answer is a
 * 2xx or a clear 4xx (never a 5xx), and what is stored is exactly what was accepted.
 */
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

    const endpoints: { method: 'GET' | 'POST' | 'PATCH' | 'DELETE'; path: fc.Arbitrary<string> }[] = [
      { method: 'POST', path: fc.constant('/api/v1/workspaces') },
      { method: 'GET', path: fc.constantFrom('/api/v1/workspaces', '/api/v1/workspaces?limit=2', `/api/v1/workspaces/${w.workspaceId}`) },
      { method: 'PATCH', path: fc.constantFrom(`/api/v1/workspaces/${w.workspaceId}`, `/api/v1/workspaces/${UUID}`, '/api/v1/workspaces/%00') },
      { method: 'DELETE', path: fc.constantFrom(`/api/v1/workspaces/${UUID}`, '/api/v1/workspaces/not-a-uuid') },
      { method: 'POST', path: fc.constant('/api/v1/workspace-memberships') },
      { method: 'GET', path: fc.constantFrom('/api/v1/workspace-memberships', `/api/v1/workspace-memberships?workspace_id=${w.workspaceId}&expand=user&expand=workspace`) },
      { method: 'DELETE', path: fc.constantFrom(`/api/v1/workspace-memberships/${UUID}`, '/api/v1/workspace-memberships/%E2%82') },
      { method: 'POST', path: fc.constant(`/api/v1/workspaces/${w.workspaceId}/access-tokens`) },
      { method: 'GET', path: fc.constant(`/api/v1/workspaces/${w.workspaceId}/access-tokens`) },
      { method: 'DELETE', path: fc.constantFrom(`/api/v1/workspaces/${w.workspaceId}/access-tokens/${UUID}`, `/api/v1/workspaces/${w.workspaceId}/access-tokens/x`) },
      { method: 'POST', path: fc.constant(`/api/v1/workspaces/${w.workspaceId}/access-tokens/lookup`) },
      { method: 'GET', path: fc.webPath().map((p) => `/api/v1/workspace-memberships?${p.replace(/^\//, '')}`) },
    ];

    // Bodies: near-valid objects with hostile values, any JSON at all, or text that is not JSON.
    const anyValue = fc.jsonValue({ maxDepth: 3 });
    const plausible = fc.record(
      {
        name: fc.oneof(fc.string({ unit: 'binary', maxLength: 140 }), anyValue),
        billingAccountEmail: fc.oneof(fc.emailAddress(), fc.string(), anyValue),
        firstMemberId: fc.oneof(fc.constant(caller), fc.constant(null), fc.string(), anyValue),
        userId: fc.oneof(fc.string({ minLength: 1, maxLength: 40 }), anyValue),
        workspaceId: fc.oneof(fc.constant(w.workspaceId), fc.uuid(), fc.string(), anyValue),
        privileges: fc.oneof(fc.constantFrom([], ['ROLE_WORKSPACE_MEMBER'], ['ROLE_WORKSPACE_ADMIN'], ['ROLE_WORKSPACE_OWNER']), anyValue),
        expiresAt: fc.oneof(fc.constant(null), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()), fc.string(), anyValue),
        accessToken: fc.oneof(fc.string(), anyValue),
      },
      { requiredKeys: [] },
    );
    const body = fc.oneof(
      plausible.map((value) => JSON.stringify(value)),
      anyValue.map((value) => JSON.stringify(value)),
      fc.string({ unit: 'binary', maxLength: 200 }),
      fc.constant(''),
    );
    const headerValue = fc.string({ maxLength: 60 }).filter((v) => /^[\x20-\x7e]*$/.test(v));
    const headers = fc.record(
      {
        'content-type': fc.oneof(fc.constant('application/json'), fc.constant('application/json; charset=utf-8'), headerValue),
        'idempotency-key': headerValue,
        'x-request-id': headerValue,
        authorization: fc.oneof(fc.constant(auth.authorization), fc.constant(auth.authorization), headerValue.map((v) => `Bearer ${v}`), headerValue.map((v) => `Basic ${v}`)),
      },
      { requiredKeys: ['content-type', 'authorization'] },
    );

    const accepted = { workspaces: 0, memberships: 0, tokens: 0 };
    let currentName = 'Team';

    await fc.assert(
      fc.asyncProperty(fc.nat(endpoints.length - 1).chain((i) => fc.tuple(fc.constant(endpoints[i]), endpoints[i].path, body, headers)), async ([endpoint, path, payload, sent]) => {
        const response = await t.app.inject({ method: endpoint.method, url: path, headers: sent, payload: endpoint.method === 'GET' || endpoint.method === 'DELETE' ? undefined : payload });
        if (response.statusCode >= 500) throw new Error(`${endpoint.method} ${path} ${JSON.stringify(sent)} ${payload} -> ${response.statusCode} ${response.body}`);
        if (response.statusCode >= 400) {
          expect(response.statusCode).toBeLessThan(500);
          const detail = JSON.parse(response.body).detail;
          expect(typeof detail === 'string' || Array.isArray(detail)).toBe(true);
          return;
        }
        const replayed = response.headers['idempotent-replayed'] === 'true';
        if (endpoint.method === 'POST' && path === '/api/v1/workspaces' && !replayed) accepted.workspaces++;
        if (endpoint.method === 'POST' && path === '/api/v1/workspace-memberships' && !replayed) accepted.memberships++;
        if (endpoint.method === 'POST' && path.endsWith('/access-tokens') && !replayed) accepted.tokens++;
        if (endpoint.method === 'PATCH' && path.endsWith(w.workspaceId)) currentName = JSON.parse(response.body).name;
      }),
      { numRuns: 1_000, seed: Number(process.env.FC_SEED ?? Date.now() % 2 ** 31), verbose: 1 },
    );

    const [counts] = await t.dataSource.query(
      `SELECT
         (SELECT count(*) FROM workspace_memberships WHERE user_id = $1 AND workspace_id <> $2)::int AS workspaces,
         (SELECT count(*) FROM workspace_memberships WHERE workspace_id = $2)::int AS memberships,
         (SELECT count(*) FROM workspace_access_tokens WHERE membership_id = $3)::int AS tokens,
         (SELECT name FROM workspaces WHERE id = $2) AS name`,
      [caller, w.workspaceId, w.memberships.owner],
    );
    expect(counts).toEqual({
      workspaces: accepted.workspaces,
      memberships: 3 + accepted.memberships,
      tokens: accepted.tokens,
      name: currentName,
    });
  }, 120_000);
});
