import { testDatabaseConfig } from './test-database.js';

describe('the test database guard', () => {
  const original = process.env.TEST_DATABASE_URL;
  afterEach(() => {
    if (original === undefined) delete process.env.TEST_DATABASE_URL;
    else process.env.TEST_DATABASE_URL = original;
  });

  it('refuses a database whose name does not contain "test": the tests write to it', () => {
    process.env.TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/workspaces';
    expect(() => testDatabaseConfig()).toThrow('Refusing to run tests against "workspaces"');
  });

  it('accepts a test database, and uses the embedded one when none is given', () => {
    process.env.TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/workspaces_test';
    expect(testDatabaseConfig().url).toBe('postgres://postgres@127.0.0.1:5432/workspaces_test');
    delete process.env.TEST_DATABASE_URL;
    const embedded = testDatabaseConfig();
    expect(embedded.url).toBeUndefined();
    expect(embedded.embeddedDataDir).toBe('memory://');
  });
});
