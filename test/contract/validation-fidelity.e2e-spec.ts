import { readdirSync, readFileSync } from 'node:fs';
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

  it('covers every implemented operation with at least 100 requests (one, for an operation that takes no input)', () => {
    expect(operations.length).toBeGreaterThanOrEqual(18);
    const takesNoInput = (cases: Fixture[]) => cases.length === 1 && cases[0].body == null && !cases[0].url.includes('?') && !/\/[0-9a-f-]{36}(\/|$)/.test(cases[0].url);
    for (const operation of operations) {
      expect([operation.operationId, operation.cases.length >= 100 || takesNoInput(operation.cases)]).toEqual([operation.operationId, true]);
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
