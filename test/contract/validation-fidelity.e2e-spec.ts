import { readdirSync, readFileSync } from 'node:fs';
import { loadContract } from '../support/contract.js';
import { bearer } from '../support/test-auth.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/**
 * Replays test/contract/fixtures (written by scripts/contract-fixtures.py from pydantic 2 models of the
 * contract): every request must get the reference API's answer, 422 with the same loc/type list or
 * no 422 at all. Where a fixture names a deliberate difference, it expects this service's answer, and
 * the README's differences table must list that difference.
 */
interface Fixture {
  name: string;
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  url: string;
  body?: string | null;
  expect: { loc: (string | number)[]; type: string }[] | null;
  deliberate?: string[];
}

const directory = new URL('./fixtures/', import.meta.url);

/** How many inputs (parameters and body properties) the contract gives an operation: fewer inputs, fewer distinct requests. */
function inputCount(operationId: string): number {
  for (const file of ['askui-workspaces-api-0.2.15.subset.yaml', 'create-workspace.openapi.yaml', 'extensions.openapi.yaml']) {
    const document = loadContract(file);
    for (const methods of Object.values<any>(document.paths)) {
      for (const operation of Object.values<any>(methods)) {
        if (operation.operationId !== operationId) continue;
        const ref = operation.requestBody?.content?.['application/json']?.schema?.$ref as string | undefined;
        const body = ref ? document.components.schemas[ref.split('/').pop()!] : undefined;
        return (operation.parameters?.length ?? 0) + Object.keys(body?.properties ?? {}).length;
      }
    }
  }
  throw new Error(`${operationId} is in no contract file`);
}
const operations = readdirSync(directory)
  .filter((file) => file.endsWith('.json'))
  .map((file) => JSON.parse(readFileSync(new URL(file, directory), 'utf8')) as { operationId: string; cases: Fixture[] });

describe('validation equals the reference API’s (replayed pydantic fixtures)', () => {
  let t: TestApp;
  let authorization: { authorization: string };

  beforeAll(async () => {
    t = await startTestApp();
    authorization = await bearer('fixture-user');
  });
  afterAll(async () => t.close());

  it('covers every implemented operation: at least 100 requests, 60 when it takes one input, 1 when none', () => {
    expect(operations.length).toBeGreaterThanOrEqual(23);
    for (const operation of operations) {
      const inputs = inputCount(operation.operationId);
      const minimum = inputs === 0 ? 1 : inputs === 1 ? 60 : 100;
      expect([operation.operationId, inputs, operation.cases.length >= minimum]).toEqual([operation.operationId, inputs, true]);
    }
  });

  it.each(operations.map((operation) => [operation.operationId, operation.cases] as const))('%s', async (_, cases) => {
    const differences: unknown[] = [];
    for (const fixture of cases) {
      const response = await t.request({
        method: fixture.method,
        url: fixture.url,
        headers: typeof fixture.body === 'string' ? { ...authorization, 'content-type': 'application/json' } : authorization,
        body: fixture.body ?? undefined,
      });
      const answer =
        response.status === 422 ? (response.body.detail as { loc: unknown[]; type: string }[]).map(({ loc, type }) => ({ loc, type })) : null;
      const agrees = JSON.stringify(answer) === JSON.stringify(fixture.expect) && response.status < 500;
      if (!agrees) differences.push({ name: fixture.name, url: fixture.url, body: fixture.body, expected: fixture.expect, status: response.status, got: answer });
    }
    if (process.env.FIDELITY_REPORT) console.log(JSON.stringify({ operation: _, requests: cases.length, differences: differences.length }));
    expect(differences).toEqual([]);
  });

  it('lists every deliberate difference in the README', () => {
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    const named = new Set(operations.flatMap((operation) => operation.cases.flatMap((fixture) => fixture.deliberate ?? [])));
    expect([...named].filter((key) => !readme.includes(`\`${key}\``))).toEqual([]);
  });
});
