import { randomUUID } from 'node:crypto';
import { assertMatchesContract } from '../support/contract.js';
import { bearer, PROVISION_SCOPE } from '../support/test-auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { usesPostgres } from '../support/test-database.js';

const URL = '/api/v1/workspaces';
const uniqueUser = () => `user-${randomUUID()}`;
const validBody = (overrides: Record<string, unknown> = {}) => ({ name: 'Team', billingAccountEmail: 'billing@example.com', ...overrides });

describe('POST /api/v1/workspaces', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  const storedWorkspaces = (userId: string) =>
    t.dataSource.query(
      `SELECT w.id, w.name, w.billing_account_email, m.user_id, m.privilege
         FROM workspaces w JOIN workspace_memberships m ON m.workspace_id = w.id
        WHERE m.user_id = $1 ORDER BY w.created_at`,
      [userId],
    );
  const countWorkspacesNamed = async (name: string) =>
    Number((await t.dataSource.query('SELECT count(*)::int AS n FROM workspaces WHERE name = $1', [name]))[0].n);

  const post = async (userId: string, body: unknown, headers: Record<string, string> = {}) =>
    t.request({ method: 'POST', url: URL, headers: { ...(await bearer(userId)), ...headers }, body });

  describe('success', () => {
    it('answers 201 with the contract body, the caller as the only owner, and stores workspace and membership', async () => {
      const user = uniqueUser();
      const before = Date.now();
      const response = await post(user, validBody({ name: 'Acme 🚀', unknownField: 'ignored' }));

      expect(response.status).toBe(201);
      assertMatchesContract('CreateWorkspaceResponseDto', response.body);
      const body = response.body;
      expect(Object.keys(body).sort()).toEqual(['createdAt', 'id', 'memberships', 'name', 'updatedAt']);
      expect(body.name).toBe('Acme 🚀');
      expect(body.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(body.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(Date.parse(body.createdAt)).toBeGreaterThanOrEqual(before - 1000);
      expect(body.updatedAt).toBe(body.createdAt);
      expect(body.memberships).toHaveLength(1);
      const [membership] = body.memberships;
      expect(Object.keys(membership).sort()).toEqual([
        'accessTokens',
        'createdAt',
        'id',
        'privileges',
        'updatedAt',
        'userId',
        'workspaceId',
      ]);
      expect(membership).toMatchObject({ userId: user, workspaceId: body.id, privileges: ['ROLE_WORKSPACE_OWNER'], accessTokens: [] });
      expect(membership.id).not.toBe(body.id);
      expect(response.text).not.toContain('billing@example.com');

      expect(await storedWorkspaces(user)).toEqual([
        { id: body.id, name: 'Acme 🚀', billing_account_email: 'billing@example.com', user_id: user, privilege: 'ROLE_WORKSPACE_OWNER' },
      ]);
    });

    it('stores the name exactly as sent, whitespace and all', async () => {
      const user = uniqueUser();
      const name = '  spaced\tname  ';
      const response = await post(user, validBody({ name }));
      expect(response.status).toBe(201);
      expect(response.body.name).toBe(name);
      expect((await storedWorkspaces(user))[0].name).toBe(name);
    });

    it('treats firstMemberId equal to the caller, or null, as the caller', async () => {
      const user = uniqueUser();
      expect((await post(user, validBody({ firstMemberId: user }))).status).toBe(201);
      expect((await post(user, validBody({ firstMemberId: null }))).status).toBe(201);
      expect((await storedWorkspaces(user)).map((row: { user_id: string }) => row.user_id)).toEqual([user, user]);
    });
  });

  describe('name length, counted in Unicode characters', () => {
    it.each([
      ['1 character', 'a'],
      ['128 characters', 'n'.repeat(128)],
      ['128 non-BMP characters', '𝄞'.repeat(128)],
      ['127 characters and one emoji', 'n'.repeat(127) + '😀'],
    ])('accepts %s', async (_label, name) => {
      const user = uniqueUser();
      const response = await post(user, validBody({ name }));
      expect(response.status).toBe(201);
      expect(response.body.name).toBe(name);
      expect((await storedWorkspaces(user))[0].name).toBe(name);
    });

    it.each([
      ['0 characters', '', 'string_too_short', 'String should have at least 1 character'],
      ['129 characters', 'n'.repeat(129), 'string_too_long', 'String should have at most 128 characters'],
      ['129 non-BMP characters', '𝄞'.repeat(129), 'string_too_long', 'String should have at most 128 characters'],
    ])('refuses %s with 422 and stores nothing', async (_label, name, type, msg) => {
      const user = uniqueUser();
      const response = await post(user, validBody({ name }));
      expect(response.status).toBe(422);
      assertMatchesContract('HTTPValidationError', response.body);
      expect(response.body).toEqual({ detail: [{ loc: ['body', 'name'], msg, type }] });
      expect(await storedWorkspaces(user)).toEqual([]);
    });
  });

  describe('validation', () => {
    it.each([
      ['name missing', { billingAccountEmail: 'a@example.com' }, [{ loc: ['body', 'name'], msg: 'Field required', type: 'missing' }]],
      ['billingAccountEmail missing', { name: 'x' }, [{ loc: ['body', 'billingAccountEmail'], msg: 'Field required', type: 'missing' }]],
      [
        'both missing',
        {},
        [
          { loc: ['body', 'name'], msg: 'Field required', type: 'missing' },
          { loc: ['body', 'billingAccountEmail'], msg: 'Field required', type: 'missing' },
        ],
      ],
      ['name a number', validBody({ name: 123 }), [{ loc: ['body', 'name'], msg: 'Input should be a valid string', type: 'string_type' }]],
      ['name null', validBody({ name: null }), [{ loc: ['body', 'name'], msg: 'Input should be a valid string', type: 'string_type' }]],
      [
        'name an array',
        validBody({ name: ['x'] }),
        [{ loc: ['body', 'name'], msg: 'Input should be a valid string', type: 'string_type' }],
      ],
      [
        'firstMemberId a number',
        validBody({ firstMemberId: 42 }),
        [{ loc: ['body', 'firstMemberId'], msg: 'Input should be a valid string', type: 'string_type' }],
      ],
      [
        'firstMemberId empty',
        validBody({ firstMemberId: '' }),
        [{ loc: ['body', 'firstMemberId'], msg: 'String should have at least 1 character', type: 'string_too_short' }],
      ],
      [
        'billingAccountEmail not an email',
        validBody({ billingAccountEmail: 'not-an-email' }),
        [
          {
            loc: ['body', 'billingAccountEmail'],
            msg: 'value is not a valid email address: An email address must have an @-sign.',
            type: 'value_error',
          },
        ],
      ],
      [
        'billingAccountEmail a number',
        validBody({ billingAccountEmail: 7 }),
        [{ loc: ['body', 'billingAccountEmail'], msg: 'Input should be a valid string', type: 'string_type' }],
      ],
    ])('%s: 422 with one entry per problem, nothing stored', async (_label, body, detail) => {
      const user = uniqueUser();
      const response = await post(user, body);
      expect(response.status).toBe(422);
      assertMatchesContract('HTTPValidationError', response.body);
      expect(response.body).toEqual({ detail });
      expect(await storedWorkspaces(user)).toEqual([]);
    });

    it.each([
      ['an array', '[]'],
      ['a string', '"workspace"'],
      ['a number', '42'],
    ])('a JSON body that is %s: 422 model_attributes_type', async (_label, payload) => {
      const response = await post(uniqueUser(), payload, { 'content-type': 'application/json' });
      expect(response.status).toBe(422);
      expect(response.body).toEqual({
        detail: [
          { loc: ['body'], msg: 'Input should be a valid dictionary or object to extract fields from', type: 'model_attributes_type' },
        ],
      });
    });

    it.each([
      ['null', 'null'],
      ['an empty body', ''],
    ])('a JSON body that is %s: 422 missing', async (_label, payload) => {
      const response = await post(uniqueUser(), payload, { 'content-type': 'application/json' });
      expect(response.status).toBe(422);
      expect(response.body).toEqual({ detail: [{ loc: ['body'], msg: 'Field required', type: 'missing' }] });
    });

    it('malformed JSON: 422 json_invalid, nothing stored', async () => {
      const name = `malformed-${randomUUID()}`;
      const response = await post(uniqueUser(), `{"name": "${name}", "billingAccountEmail": `, { 'content-type': 'application/json' });
      expect(response.status).toBe(422);
      assertMatchesContract('HTTPValidationError', response.body);
      expect(response.body.detail).toHaveLength(1);
      expect(response.body.detail[0]).toMatchObject({ msg: 'JSON decode error', type: 'json_invalid' });
      expect(response.body.detail[0].loc[0]).toBe('body');
      expect(await countWorkspacesNamed(name)).toBe(0);
    });

    it('no body and no Content-Type: 422 missing body', async () => {
      const response = await t.request({ method: 'POST', url: URL, headers: await bearer(uniqueUser()) });
      expect(response.status).toBe(422);
      expect(response.body).toEqual({ detail: [{ loc: ['body'], msg: 'Field required', type: 'missing' }] });
    });

    it.each(['text/plain', 'application/x-www-form-urlencoded', 'application/xml'])(
      'Content-Type %s: 415, nothing stored',
      async (contentType) => {
        const name = `media-${randomUUID()}`;
        const response = await post(uniqueUser(), JSON.stringify(validBody({ name })), { 'content-type': contentType });
        expect(response.status).toBe(415);
        expect(response.body).toEqual({ detail: 'Unsupported Media Type: send the body as application/json' });
        expect(await countWorkspacesNamed(name)).toBe(0);
      },
    );

    it('accepts application/json with a charset', async () => {
      const response = await post(uniqueUser(), JSON.stringify(validBody()), { 'content-type': 'application/json; charset=utf-8' });
      expect(response.status).toBe(201);
    });

    it('an oversized body: 413, nothing stored', async () => {
      const name = `big-${randomUUID()}`;
      const response = await post(uniqueUser(), validBody({ name, padding: 'x'.repeat(200_000) }));
      expect(response.status).toBe(413);
      expect(response.body).toEqual({ detail: 'Request body is too large' });
      expect(await countWorkspacesNamed(name)).toBe(0);
    });
  });

  describe('provisioning a workspace for someone else', () => {
    it('is refused with 403 without the provisioning scope, and stores nothing', async () => {
      const caller = uniqueUser();
      const other = uniqueUser();
      const response = await post(caller, validBody({ firstMemberId: other }));
      expect(response.status).toBe(403);
      expect(response.body).toEqual({ detail: 'Creating a workspace for another user requires the provisioning permission' });
      expect(await storedWorkspaces(other)).toEqual([]);
      expect(await storedWorkspaces(caller)).toEqual([]);
    });

    it.each([
      ['the scope claim', { scope: `openid ${PROVISION_SCOPE} email` }],
      ['the permissions claim', { permissions: ['read', PROVISION_SCOPE] }],
    ])('is allowed with the scope in %s; the first member is the only owner', async (_label, claims) => {
      const caller = uniqueUser();
      const other = uniqueUser();
      const response = await t.request({
        method: 'POST',
        url: URL,
        headers: await bearer(caller, claims),
        body: validBody({ firstMemberId: other }),
      });
      expect(response.status).toBe(201);
      expect(response.body.memberships).toHaveLength(1);
      expect(response.body.memberships[0]).toMatchObject({ userId: other, privileges: ['ROLE_WORKSPACE_OWNER'] });
      expect((await storedWorkspaces(other)).map((row: { id: string }) => row.id)).toEqual([response.body.id]);
      expect(await storedWorkspaces(caller)).toEqual([]);
    });

    it('does not count a scope that only contains the provisioning scope as a substring', async () => {
      const response = await t.request({
        method: 'POST',
        url: URL,
        headers: await bearer(uniqueUser(), { scope: `${PROVISION_SCOPE}:extra` }),
        body: validBody({ firstMemberId: uniqueUser() }),
      });
      expect(response.status).toBe(403);
    });
  });

  describe('atomicity and concurrency', () => {
    it('concurrent creates all succeed, each with its own workspace and owner', async () => {
      const user = uniqueUser();
      const responses = await Promise.all(Array.from({ length: 25 }, (_, i) => post(user, validBody({ name: `concurrent ${i}` }))));
      expect(responses.map((r) => r.status)).toEqual(Array(25).fill(201));
      const ids = new Set(responses.map((r) => r.body.id));
      expect(ids.size).toBe(25);
      const stored = await storedWorkspaces(user);
      expect(stored).toHaveLength(25);
      expect(new Set(stored.map((row: { id: string }) => row.id))).toEqual(ids);
    });

    it('a failure while writing the owner leaves no workspace behind', async () => {
      // A trigger makes the membership insert fail for one user only: the fault is real, in the database.
      const victim = `atomicity-${randomUUID()}`;
      const fn = `fail_${randomUUID().replaceAll('-', '')}`;
      await t.dataSource.query(
        `CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN IF NEW.user_id = '${victim}' THEN RAISE EXCEPTION 'injected failure'; END IF; RETURN NEW; END $$`,
      );
      await t.dataSource.query(`CREATE TRIGGER ${fn} BEFORE INSERT ON workspace_memberships FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
      try {
        const name = `atomic-${randomUUID()}`;
        const response = await post(victim, validBody({ name }));
        expect(response.status).toBe(500);
        expect(response.body).toEqual({ detail: 'Internal Server Error' });
        expect(response.text).not.toContain('injected');
        expect(await countWorkspacesNamed(name)).toBe(0);
      } finally {
        await t.dataSource.query(`DROP TRIGGER ${fn} ON workspace_memberships`);
        await t.dataSource.query(`DROP FUNCTION ${fn}()`);
      }
    });
  });

  it(`runs against ${usesPostgres() ? 'PostgreSQL' : 'the embedded database'}`, async () => {
    const [{ version }] = await t.dataSource.query('SELECT version()');
    expect(version).toMatch(/PostgreSQL/);
  });
});
