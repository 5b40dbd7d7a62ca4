import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { loadContract } from '../support/contract.js';
import { bearer, bearerToken } from '../support/test-auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** What a generated client depends on in a schema: types, formats, references, constraints, required. */
function shapeOf(schema: any): unknown {
  if (schema === undefined) return undefined;
  if (schema.$ref) return { ref: String(schema.$ref).split('/').pop() };
  return {
    type: schema.type,
    format: schema.format,
    enum: schema.enum,
    minLength: schema.minLength,
    maxLength: schema.maxLength,
    maxItems: schema.maxItems,
    const: schema.const,
    items: shapeOf(schema.items),
    anyOf: schema.anyOf?.map(shapeOf),
    properties: schema.properties
      ? Object.fromEntries(Object.entries(schema.properties).map(([name, value]) => [name, shapeOf(value)]))
      : undefined,
    required: schema.required ? [...schema.required].sort() : undefined,
  };
}

describe('OpenAPI document and Swagger UI', () => {
  let t: TestApp;
  let document: any;

  beforeAll(async () => {
    t = await startTestApp();
    const response = await t.request({ method: 'GET', url: '/docs-json' });
    expect(response.status).toBe(200);
    document = response.body;
  });
  afterAll(async () => t.close());

  it('serves Swagger UI at /docs', async () => {
    const response = await t.request({ method: 'GET', url: '/docs' });
    expect(response.status).toBe(200);
    expect(String(response.headers['content-type'])).toContain('text/html');
    expect(response.text).toContain('swagger-ui');
  });

  it('`npm run openapi` writes the same document to a file, with no database or settings', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'openapi-')), 'openapi.json');
    execFileSync(process.execPath, ['dist/src/openapi.js', file], { env: { PATH: process.env.PATH }, stdio: 'pipe' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(document);
  });

  /** What Swagger UI pre-fills for a value: its example, else a sample of its type ("string" for a string). */
  const sampleOf = (schema: any): unknown => {
    if (schema.example !== undefined) return schema.example;
    if (schema.$ref) return sampleOf(document.components.schemas[String(schema.$ref).split('/').pop()!]);
    if (schema.enum) return schema.enum[0];
    if (schema.anyOf) return sampleOf(schema.anyOf.find((option: any) => option.type !== 'null') ?? schema.anyOf[0]);
    if (schema.type === 'array') return [sampleOf(schema.items)];
    if (schema.type === 'string')
      return (
        {
          email: 'user@example.com',
          uuid: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
          uuid4: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
          'date-time': '2026-11-29T12:00:00.000Z',
        }[schema.format as string] ?? 'string'
      );
    return schema.type === 'null' ? null : 0;
  };
  const prefilled = (schemaName: string) =>
    Object.fromEntries(
      Object.entries(document.components.schemas[schemaName].properties).map(([name, property]) => [name, sampleOf(property)]),
    );

  it('pre-fills examples that an ordinary user can execute as they are', async () => {
    const user = { authorization: `Bearer ${await bearerToken(`swagger-${Date.now()}`)}` };
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/workspaces',
      headers: user,
      body: prefilled('CreateWorkspaceRequestDto'),
    });
    expect(created.status).toBe(201);
    const renamed = await t.request({
      method: 'PATCH',
      url: `/api/v1/workspaces/${created.body.id}`,
      headers: user,
      body: prefilled('UpdateWorkspaceNameRequestDto'),
    });
    expect(renamed.status).toBe(200);
    const token = await t.request({
      method: 'POST',
      url: `/api/v1/workspaces/${created.body.id}/access-tokens`,
      headers: user,
      body: prefilled('CreateWorkspaceAccessTokenRequestDto'),
    });
    expect(token.status).toBe(201);
    const member = { ...prefilled('CreateWorkspaceMembershipRequestDto'), workspaceId: created.body.id };
    expect((await t.request({ method: 'POST', url: '/api/v1/workspace-memberships', headers: user, body: member })).status).toBe(200);
  });

  it('is an OpenAPI 3.1 document of the AskUI Workspaces API 0.2.15', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toMatchObject({ title: 'AskUI Workspaces API', version: '0.2.15' });
  });

  const contract = loadContract('create-workspace.openapi.yaml');

  it.each(Object.keys(contract.components.schemas))(
    'has the contract schema %s, with every property, type, format and required list',
    (name) => {
      expect(document.components.schemas[name]).toBeDefined();
      expect(shapeOf(document.components.schemas[name])).toEqual(shapeOf(contract.components.schemas[name]));
    },
  );

  const apiOperations = () =>
    Object.entries<any>(document.paths)
      .filter(([path]) => path.startsWith('/api/'))
      .flatMap(([path, operations]) => Object.entries<any>(operations).map(([method, operation]) => ({ path, method, operation })));

  it('describes every tag, and says of every operation who may call it', () => {
    for (const tag of new Set(apiOperations().flatMap(({ operation }) => operation.tags))) {
      expect(document.tags.find((t: any) => t.name === tag)?.description).toEqual(expect.any(String));
    }
    for (const { path, method, operation } of apiOperations()) {
      expect({ path, method, description: operation.description }).toEqual({ path, method, description: expect.stringMatching(/\w{3,}/) });
    }
  });

  it('documents what every operation can answer besides the contract: 429 and 503, 413 and 415 with a body, Location on create', () => {
    for (const { path, method, operation } of apiOperations()) {
      const statuses = Object.keys(operation.responses);
      expect({ path, method, statuses }).toEqual({ path, method, statuses: expect.arrayContaining(['429', '503']) });
      expect(operation.responses['503'].headers['Retry-After']).toBeDefined();
      if (operation.requestBody)
        expect({ path, method, statuses }).toEqual({ path, method, statuses: expect.arrayContaining(['413', '415']) });
    }
    expect(document.paths['/api/v1/workspaces'].post.responses['201'].headers.Location).toBeDefined();
    // A retried create of a token (its secret is shown once) is refused.
    expect(document.paths['/api/v1/workspaces/{workspace_id}/access-tokens'].post.responses['409']).toBeDefined();
  });

  it("lists the allowed values of every expand parameter, and keeps the list parameters' item formats", () => {
    const parameter = (path: string, method: string, name: string) =>
      document.paths[path][method].parameters.find((p: any) => p.name === name).schema;
    expect(parameter('/api/v1/workspace-memberships', 'get', 'expand')).toEqual({
      anyOf: [{ type: 'array', items: { enum: ['user', 'workspace'], type: 'string' } }, { type: 'null' }],
      title: 'Expand',
    });
    expect(parameter('/api/v1/workspace-memberships', 'get', 'workspace_id').anyOf[0].items.format).toBe('uuid4');
    for (const method of ['get', 'patch']) {
      expect(parameter('/api/v1/workspaces/{workspace_id}', method, 'expand')).toEqual({
        anyOf: [{ const: 'workspaceMemberships', type: 'string' }, { type: 'null' }],
        title: 'Expand',
      });
    }
  });

  const extensions = loadContract('extensions.openapi.yaml');
  const declaredOperations = [loadContract(), extensions].flatMap((spec) =>
    Object.entries<any>(spec.paths).flatMap(([path, operations]) =>
      Object.entries<any>(operations).map(([method, operation]) => ({ path, method, operation })),
    ),
  );

  it('declares every parameter of an implemented operation with the schema of the contract (or of extensions.openapi.yaml)', () => {
    const withoutExtensionKeys = (schema: unknown): unknown =>
      JSON.parse(JSON.stringify(schema), (key, value: unknown) => (key.startsWith('x-') ? undefined : value));
    let compared = 0;
    for (const { path, method, operation } of declaredOperations) {
      const actual = document.paths[path]?.[method];
      if (!actual) continue;
      for (const parameter of operation.parameters ?? []) {
        const declared = actual.parameters.find((p: any) => p.name === parameter.name && p.in === parameter.in);
        expect({ path, method, name: parameter.name, schema: declared?.schema }).toEqual({
          path,
          method,
          name: parameter.name,
          schema: withoutExtensionKeys(parameter.schema),
        });
        compared++;
      }
    }
    expect(compared).toBe(42);
  });

  it('answers every 404 and 409 with a body that its declared response schema allows', async () => {
    const auth = await bearer(`declared-${Date.now()}`);
    const created = await t.request({
      method: 'POST',
      url: '/api/v1/workspaces',
      headers: auth,
      body: prefilled('CreateWorkspaceRequestDto'),
    });
    const ws = created.body.id as string;
    const listed = await t.request({ method: 'GET', url: `/api/v1/workspace-memberships?workspace_id=${ws}`, headers: auth });
    const ownMembership = listed.body.data[0];
    const nobody = randomUUID();
    const invitation = { email: `declared-${nobody}@example.com`, privilege: 'ROLE_WORKSPACE_MEMBER' };
    const invited = await t.request({ method: 'POST', url: `/api/v1/workspaces/${ws}/invites`, headers: auth, body: invitation });
    await t.request({ method: 'DELETE', url: `/api/v1/workspaces/${ws}/invites/${invited.body.id}`, headers: auth });
    const pendingInvitation = { email: `pending-${nobody}@example.com`, privilege: 'ROLE_WORKSPACE_MEMBER' };
    await t.request({ method: 'POST', url: `/api/v1/workspaces/${ws}/invites`, headers: auth, body: pendingInvitation });
    const cases: [string, string, string, unknown, number][] = [
      ['get', '/api/v1/workspaces/{workspace_id}', `/api/v1/workspaces/${nobody}`, undefined, 404],
      ['patch', '/api/v1/workspaces/{workspace_id}', `/api/v1/workspaces/${nobody}`, { name: 'x' }, 404],
      ['delete', '/api/v1/workspaces/{workspace_id}', `/api/v1/workspaces/${nobody}`, undefined, 404],
      ['post', '/api/v1/workspace-memberships', '/api/v1/workspace-memberships', { workspaceId: nobody, userId: 'x' }, 404],
      ['post', '/api/v1/workspace-memberships', '/api/v1/workspace-memberships', { workspaceId: ws, userId: ownMembership.userId }, 409],
      ['get', '/api/v1/workspace-memberships/{workspace_membership_id}', `/api/v1/workspace-memberships/${nobody}`, undefined, 404],
      ['delete', '/api/v1/workspace-memberships/{workspace_membership_id}', `/api/v1/workspace-memberships/${nobody}`, undefined, 404],
      [
        'delete',
        '/api/v1/workspace-memberships/{workspace_membership_id}',
        `/api/v1/workspace-memberships/${ownMembership.id}`,
        undefined,
        409,
      ],
      ['post', '/api/v1/workspaces/{workspace_id}/access-tokens', `/api/v1/workspaces/${nobody}/access-tokens`, { name: 'x' }, 404],
      ['get', '/api/v1/workspaces/{workspace_id}/access-tokens', `/api/v1/workspaces/${nobody}/access-tokens`, undefined, 404],
      [
        'delete',
        '/api/v1/workspaces/{workspace_id}/access-tokens/{token_id}',
        `/api/v1/workspaces/${nobody}/access-tokens/${nobody}`,
        undefined,
        404,
      ],
      [
        'delete',
        '/api/v1/workspaces/{workspace_id}/access-tokens/{token_id}',
        `/api/v1/workspaces/${ws}/access-tokens/${nobody}`,
        undefined,
        404,
      ],
      [
        'post',
        '/api/v1/workspaces/{workspace_id}/access-tokens/lookup',
        `/api/v1/workspaces/${nobody}/access-tokens/lookup`,
        { accessToken: 'x' },
        404,
      ],
      [
        'post',
        '/api/v1/workspaces/{workspace_id}/access-tokens/lookup',
        `/api/v1/workspaces/${ws}/access-tokens/lookup`,
        { accessToken: 'x' },
        404,
      ],
      ['post', '/api/v1/workspaces/{workspace_id}/invites', `/api/v1/workspaces/${nobody}/invites`, invitation, 404],
      ['get', '/api/v1/workspaces/{workspace_id}/invites', `/api/v1/workspaces/${nobody}/invites`, undefined, 404],
      ['post', '/api/v1/workspaces/{workspace_id}/invites', `/api/v1/workspaces/${ws}/invites`, pendingInvitation, 409],
      ['delete', '/api/v1/workspaces/{workspace_id}/invites/{invitation_id}', `/api/v1/workspaces/${ws}/invites/${nobody}`, undefined, 404],
      [
        'delete',
        '/api/v1/workspaces/{workspace_id}/invites/{invitation_id}',
        `/api/v1/workspaces/${ws}/invites/${invited.body.id}`,
        undefined,
        409,
      ],
      [
        'delete',
        '/api/v1/workspaces/{workspace_id}/invites/{invitation_id}',
        `/api/v1/workspaces/${nobody}/invites/${nobody}`,
        undefined,
        404,
      ],
      ['delete', '/api/v1/access-tokens/{token_id}', `/api/v1/access-tokens/${nobody}`, undefined, 404],
      ['post', '/api/v1/access-tokens/lookup', '/api/v1/access-tokens/lookup', { accessToken: 'x' }, 404],
      ['get', '/api/v1/users/{user_id}/workspace-memberships', '/api/v1/users/someone-else/workspace-memberships', undefined, 404],
    ];
    const ajv = new Ajv2020({ strict: false });
    for (const [method, path, url, body, status] of cases) {
      const response = await t.request({ method: method.toUpperCase() as 'GET', url, headers: auth, body });
      const declared = document.paths[path][method].responses[String(status)]?.content?.['application/json']?.schema;
      const allowed = declared !== undefined && ajv.compile({ ...declared, components: document.components })(response.body);
      expect({ method, url, status: response.status, allowed }).toEqual({ method, url, status, allowed: true });
    }
  });

  it('declares the contract security schemes', () => {
    expect(document.components.securitySchemes.Bearer).toMatchObject(contract.components.securitySchemes.Bearer);
    expect(document.components.securitySchemes.Basic).toEqual(expect.objectContaining(contract.components.securitySchemes.Basic));
    // Swagger UI's Basic dialog has one Value field: it says exactly what to type there.
    // Both kinds of access token, side by side, in the scheme and in the tag.
    expect(document.components.securitySchemes.Basic.description).toMatch(/wsat_.*usat_/);
    expect(document.tags.find((tag: any) => tag.name === 'access-tokens').description).toMatch(
      /workspace access tokens.*user access tokens/,
    );
    expect(document.components.securitySchemes.Basic.description).toContain(
      'Type into Value exactly: `Basic ` followed by the base64 of the token',
    );
  });

  it('documents POST /api/v1/workspaces as the contract does, with 401 and 403', () => {
    const expected = contract.paths['/api/v1/workspaces'].post;
    const actual = document.paths['/api/v1/workspaces'].post;
    expect(actual.operationId).toBe(expected.operationId);
    expect(actual.summary).toBe(expected.summary);
    expect(actual.tags).toEqual(expected.tags);
    expect(actual.security).toEqual(expected.security);
    expect(actual.requestBody.required).toBe(true);
    expect(shapeOf(actual.requestBody.content['application/json'].schema)).toEqual(
      shapeOf(expected.requestBody.content['application/json'].schema),
    );
    for (const status of Object.keys(expected.responses)) {
      expect(shapeOf(actual.responses[status].content['application/json'].schema)).toEqual(
        shapeOf(expected.responses[status].content['application/json'].schema),
      );
    }
    expect(shapeOf(actual.responses['401'].content['application/json'].schema)).toEqual({ ref: 'StringErrorResponse' });
    expect(shapeOf(actual.responses['403'].content['application/json'].schema)).toEqual({ ref: 'StringErrorResponse' });
  });

  describe('the rest of the workspace API (0.2.15 subset)', () => {
    const subset = loadContract();
    const implemented: [string, string][] = [
      ['/api/v1/workspaces', 'post'],
      ['/api/v1/workspaces/{workspace_id}', 'patch'],
      ['/api/v1/workspaces/{workspace_id}', 'delete'],
      ['/api/v1/workspace-memberships', 'post'],
      ['/api/v1/workspace-memberships', 'get'],
      ['/api/v1/workspace-memberships/{workspace_membership_id}', 'delete'],
      ['/api/v1/workspaces/{workspace_id}/access-tokens', 'post'],
      ['/api/v1/workspaces/{workspace_id}/access-tokens', 'get'],
      ['/api/v1/workspaces/{workspace_id}/access-tokens/{token_id}', 'delete'],
      ['/api/v1/workspaces/{workspace_id}/access-tokens/lookup', 'post'],
      ['/api/v1/workspaces/{workspace_id}/invites', 'post'],
      ['/api/v1/workspaces/{workspace_id}/invites', 'get'],
      ['/api/v1/workspaces/{workspace_id}/invites/{invitation_id}', 'put'],
      ['/api/v1/workspaces/{workspace_id}/invites/{invitation_id}', 'delete'],
      ['/api/v1/invites', 'get'],
      ['/api/v1/access-tokens', 'post'],
      ['/api/v1/access-tokens', 'get'],
      ['/api/v1/access-tokens/{token_id}', 'delete'],
      ['/api/v1/access-tokens/lookup', 'post'],
      ['/api/v1/users/{user_id}/workspace-memberships', 'get'],
    ];
    const referenced = new Set<string>();
    const collectRefs = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(collectRefs);
      else if (value && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) {
          if (key === '$ref') referenced.add(String(inner).split('/').pop()!);
          else collectRefs(inner);
        }
      }
    };

    it.each(implemented)('%s %s: operationId, tag, security, parameters, body and responses', (path, method) => {
      const expected = subset.paths[path][method];
      const actual = document.paths[path]?.[method];
      expect(actual).toBeDefined();
      expect(actual.operationId).toBe(expected.operationId);
      expect(actual.tags).toEqual(expected.tags);
      expect(actual.security).toEqual(expected.security);
      // Beyond the contract: an optional Idempotency-Key header on the creating operations, and the
      // optional parameters extensions.openapi.yaml adds to the operation (paging).
      const added = new Set(
        (loadContract('extensions.openapi.yaml').paths[path]?.[method]?.parameters ?? [])
          .filter((p: any) => !p.required && !(expected.parameters ?? []).some((e: any) => e.name === p.name && e.in === p.in))
          .map((p: any) => `${p.in} ${p.name}`),
      );
      const params = (op: any) =>
        (op.parameters ?? [])
          .filter((p: any) => p.in !== 'header' && !added.has(`${p.in} ${p.name}`))
          .map((p: any) => [p.in, p.name, Boolean(p.required)])
          .sort();
      expect(params(actual)).toEqual(params(expected));
      for (const header of (actual.parameters ?? []).filter((p: any) => p.in === 'header')) {
        expect([header.name, header.required]).toEqual(['Idempotency-Key', false]);
      }
      if (expected.requestBody) {
        expect(shapeOf(actual.requestBody.content['application/json'].schema)).toEqual(
          shapeOf(expected.requestBody.content['application/json'].schema),
        );
      }
      for (const [status, response] of Object.entries<any>(expected.responses)) {
        if (status === '500') continue;
        expect(actual.responses[status]).toBeDefined();
        const schema = response.content?.['application/json']?.schema;
        // Where the service also sends another shape for that status, the document declares either (README).
        const declared = actual.responses[status].content?.['application/json']?.schema;
        if (schema) expect((declared.anyOf ?? [declared]).map(shapeOf)).toContainEqual(shapeOf(schema));
      }
    });

    it('has every schema those operations use, transitively, as the contract defines it', () => {
      for (const [path, method] of implemented) collectRefs(subset.paths[path][method]);
      let size = -1;
      while (size !== referenced.size) {
        size = referenced.size;
        for (const name of [...referenced]) collectRefs(subset.components.schemas[name]);
      }
      expect(referenced.size).toBeGreaterThan(10);
      for (const name of referenced) {
        expect({ name, shape: shapeOf(document.components.schemas[name]) }).toEqual({
          name,
          shape: shapeOf(subset.components.schemas[name]),
        });
      }
    });
  });
});
