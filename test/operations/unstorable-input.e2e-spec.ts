import { bearer, PROVISION_SCOPE } from '../support/test-auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { newUserId, team } from '../support/workspace-fixtures.js';

const NUL = '\u0000';
const LONG_ID = 'x'.repeat(3_000);
const UNICODE = { msg: 'Input should be a valid string, unable to parse raw data as a unicode string', type: 'string_unicode' };
const NUL_ERROR = { msg: 'Value error, text must not contain the NUL character (U+0000)', type: 'value_error' };

/**
 * Input PostgreSQL cannot store (NUL), cannot index (ids past an index entry's size), cannot keep
 * unchanged (lone surrogates), or that costs the server its stack (deep nesting): a clear 4xx, and
 * nothing stored.
 */
describe('Input the database cannot store', () => {
  let t: TestApp;
  let w: Awaited<ReturnType<typeof team>>;
  let owner: { authorization: string };

  beforeAll(async () => {
    t = await startTestApp();
    w = await team(t);
    owner = await bearer(w.users.owner);
  });
  afterAll(async () => t.close());

  const counts = async () =>
    (
      await t.dataSource.query(
        `SELECT (SELECT count(*) FROM workspaces)::int AS w, (SELECT count(*) FROM workspace_memberships)::int AS m,
                (SELECT count(*) FROM workspace_access_tokens)::int AS t, (SELECT count(*) FROM users)::int AS u,
                (SELECT count(*) FROM idempotency_keys)::int AS k, (SELECT name FROM workspaces WHERE id = $1) AS name`,
        [w.workspaceId],
      )
    )[0];

  /** Sends raw JSON text (so that escapes such as a lone `\ud800` reach the service as sent). */
  const send = (method: 'POST' | 'PATCH' | 'GET', url: string, json?: string, headers: Record<string, string> = owner) =>
    t.request({ method, url, headers: json === undefined ? headers : { ...headers, 'content-type': 'application/json' }, body: json });

  const refusedWithNothingStored = async (
    request: () => ReturnType<TestApp['request']>,
    status: number,
    detail: unknown,
  ): Promise<void> => {
    const before = await counts();
    const response = await request();
    expect({ status: response.status, body: response.body }).toEqual({ status, body: { detail } });
    expect(await counts()).toEqual(before);
  };

  const workspaces = '/api/v1/workspaces';
  const memberships = '/api/v1/workspace-memberships';
  const tokens = () => `/api/v1/workspaces/${w.workspaceId}/access-tokens`;

  describe('the NUL character, in any string', () => {
    it.each([
      ['POST', workspaces, { name: `a${NUL}b`, billingAccountEmail: 'b@example.com' }, ['body', 'name']],
      ['POST', workspaces, { name: 'ok', billingAccountEmail: `b${NUL}@example.com` }, ['body', 'billingAccountEmail']],
      ['PATCH', '/api/v1/workspaces/:ws', { name: `x${NUL}` }, ['body', 'name']],
      ['POST', memberships, { workspaceId: ':ws', userId: `u${NUL}` }, ['body', 'userId']],
      ['POST', ':tokens', { name: `t${NUL}` }, ['body', 'name']],
      ['POST', ':tokens/lookup', { accessToken: `wsat_${NUL}` }, ['body', 'accessToken']],
    ] as const)('%s %s %j: 422 at %j', async (method, path, body, loc) => {
      const url = path.replace(':ws', w.workspaceId).replace(':tokens', tokens());
      const json = JSON.stringify(body).replace(':ws', w.workspaceId);
      await refusedWithNothingStored(() => send(method, url, json), 422, [{ loc, ...NUL_ERROR }]);
    });

    it('in firstMemberId (with the provisioning scope)', async () => {
      const provisioner = await bearer(newUserId('provisioner'), { scope: PROVISION_SCOPE });
      const json = JSON.stringify({ name: 'p', billingAccountEmail: 'b@example.com', firstMemberId: `n${NUL}` });
      await refusedWithNothingStored(() => send('POST', workspaces, json, provisioner), 422, [
        { loc: ['body', 'firstMemberId'], ...NUL_ERROR },
      ]);
    });

    it('in query parameters', async () => {
      await refusedWithNothingStored(() => send('GET', `${memberships}?user_id=a&user_id=%00`), 422, [
        { loc: ['query', 'user_id', 1], ...NUL_ERROR },
      ]);
      await refusedWithNothingStored(() => send('GET', `${workspaces}?cursor=%00`), 422, [{ loc: ['query', 'cursor'], ...NUL_ERROR }]);
    });
  });

  describe('malformed Unicode (a lone surrogate), which would be stored as U+FFFD', () => {
    it.each([
      ['POST', workspaces, '{"name": "a\\ud800", "billingAccountEmail": "b@example.com"}', ['body', 'name']],
      ['POST', workspaces, '{"name": "ok", "billingAccountEmail": "b\\udc00@example.com"}', ['body', 'billingAccountEmail']],
      ['POST', memberships, '{"workspaceId": ":ws", "userId": "\\ud83d"}', ['body', 'userId']],
      ['PATCH', '/api/v1/workspaces/:ws', '{"name": "\\udfff"}', ['body', 'name']],
    ] as const)('%s %s %s: 422 string_unicode at %j', async (method, path, json, loc) => {
      const url = path.replace(':ws', w.workspaceId);
      await refusedWithNothingStored(() => send(method, url, json.replace(':ws', w.workspaceId)), 422, [{ loc, ...UNICODE }]);
    });

    it('accepts well-formed pairs, and answers exactly what a later read returns', async () => {
      const name = '\ud83d\ude42 team';
      const created = await send('POST', workspaces, '{"name": "\\ud83d\\ude42 team", "billingAccountEmail": "b@example.com"}');
      expect(created.status).toBe(201);
      expect(created.body.name).toBe(name);
      const read = await send('GET', `${workspaces}/${created.body.id}`);
      expect(read.body.name).toBe(name);
    });
  });

  describe('identifiers longer than an index entry can hold', () => {
    it('a member user id: 422 string_too_long, with or without an Idempotency-Key', async () => {
      const detail = [{ loc: ['body', 'userId'], msg: 'String should have at most 255 characters', type: 'string_too_long' }];
      const json = JSON.stringify({ workspaceId: w.workspaceId, userId: LONG_ID });
      await refusedWithNothingStored(() => send('POST', memberships, json), 422, detail);
      await refusedWithNothingStored(() => send('POST', memberships, json, { ...owner, 'idempotency-key': 'k'.repeat(255) }), 422, detail);
    });

    it('255 characters are accepted, also as 4-byte characters', async () => {
      const userId = '\u{1F600}'.repeat(255);
      const response = await send('POST', memberships, JSON.stringify({ workspaceId: w.workspaceId, userId }), {
        ...owner,
        'idempotency-key': 'k'.repeat(255),
      });
      expect(response.status).toBe(200);
      expect(response.body.userId).toBe(userId);
      const rows = await t.dataSource.query(`SELECT user_id FROM workspace_memberships WHERE id = $1`, [response.body.id]);
      expect(rows).toEqual([{ user_id: userId }]);
    });

    it('firstMemberId', async () => {
      const provisioner = await bearer(newUserId('provisioner'), { scope: PROVISION_SCOPE });
      const json = JSON.stringify({ name: 'p', billingAccountEmail: 'b@example.com', firstMemberId: LONG_ID });
      await refusedWithNothingStored(() => send('POST', workspaces, json, provisioner), 422, [
        { loc: ['body', 'firstMemberId'], msg: 'String should have at most 255 characters', type: 'string_too_long' },
      ]);
    });
  });

  describe('a bearer token whose subject cannot be a user id: 401', () => {
    const detail = "The bearer token's subject is not a usable user id (1 to 255 characters of text without NUL)";
    it.each([
      ['NUL', `alice${NUL}`],
      ['too long', LONG_ID],
      ['a lone surrogate', 'alice\ud800'],
    ])('%s', async (_label, sub) => {
      const before = await counts();
      const response = await send('POST', workspaces, JSON.stringify({ name: 'n', billingAccountEmail: 'b@example.com' }), {
        ...(await bearer(sub)),
        'idempotency-key': 'key',
      });
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ detail });
      expect(response.headers['www-authenticate']).toContain('invalid_token');
      expect(await counts()).toEqual(before);
    });

    it('profile claims that cannot be stored are left out; the user still works', async () => {
      const userId = newUserId('claims');
      const { SignJWT } = await import('jose');
      const { TEST_JWT_SECRET } = await import('../support/test-auth.js');
      const token = await new SignJWT({
        email: `a${NUL}@example.com`,
        name: 'Ann\ud800',
        picture: 'https://p.example/a.png',
        email_verified: true,
      })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(userId)
        .setExpirationTime('5m')
        .sign(new TextEncoder().encode(TEST_JWT_SECRET));
      const response = await send('POST', workspaces, JSON.stringify({ name: 'n', billingAccountEmail: 'b@example.com' }), {
        authorization: `Bearer ${token}`,
      });
      expect(response.status).toBe(201);
      const [user] = await t.dataSource.query(`SELECT email, name, picture FROM users WHERE id = $1`, [userId]);
      expect(user).toEqual({ email: null, name: null, picture: 'https://p.example/a.png' });
    });
  });

  describe('deeply nested JSON', () => {
    const deep = (levels: number) => '['.repeat(levels) + ']'.repeat(levels);
    it.each([
      ['in a known field', `{"name": ${deep(5_000)}, "billingAccountEmail": "b@example.com"}`],
      ['in an unknown field', `{"name": "n", "billingAccountEmail": "b@example.com", "extra": ${deep(5_000)}}`],
      ['as the body', deep(100_00)],
    ])('%s: 422 json_invalid', async (_label, json) => {
      const before = await counts();
      const response = await send('POST', workspaces, json, { ...owner, 'idempotency-key': `deep-${_label}` });
      expect(response.status).toBe(422);
      expect(response.body.detail).toEqual([{ loc: ['body', expect.any(Number)], msg: 'JSON decode error', type: 'json_invalid' }]);
      expect(await counts()).toEqual(before);
    });

    it('32 levels are still fine where a field is ignored', async () => {
      const response = await send('POST', workspaces, `{"name": "n", "billingAccountEmail": "b@example.com", "extra": ${deep(31)}}`);
      expect(response.status).toBe(201);
    });
  });

  describe('a tampered list cursor', () => {
    const cursorOf = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    it.each([
      ['an id that is not a UUID', ['2026-01-01T00:00:00.000Z', '------------------------------------']],
      ['a date past PostgreSQL’s range', ['-271821-04-20T00:00:00.000Z', '6f1c1c1e-0000-4000-8000-00000000f00d']],
      ['a far-future date', ['+275760-09-13T00:00:00.000Z', '6f1c1c1e-0000-4000-8000-00000000f00d']],
      ['an impossible date', ['2026-02-30T00:00:00.000Z', '6f1c1c1e-0000-4000-8000-00000000f00d']],
      ['extra items', ['2026-01-01T00:00:00.000Z', '6f1c1c1e-0000-4000-8000-00000000f00d', 1]],
    ])('%s: 422', async (_label, value) => {
      const response = await send('GET', `${workspaces}?cursor=${cursorOf(value)}`);
      expect(response.status).toBe(422);
      expect(response.body.detail).toEqual([
        { loc: ['query', 'cursor'], msg: 'Value error, Invalid cursor: use a nextCursor this service returned', type: 'value_error' },
      ]);
    });
  });
});
