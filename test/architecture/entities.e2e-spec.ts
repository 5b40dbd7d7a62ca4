import { ormEntities } from '../../src/orm-entities.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('ORM entities', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await startTestApp();
  });
  afterAll(async () => testApp.close());

  it('the application loads from its modules exactly the entities that the TypeORM CLI and repository tests use', () => {
    const loaded = testApp.dataSource.entityMetadatas.map((metadata) => metadata.target);
    expect(new Set(loaded)).toEqual(new Set(ormEntities));
    expect(loaded).toHaveLength(ormEntities.length);
  });

  it('describe the schema exactly as the migrations build it: `migration:generate` finds nothing to do', async () => {
    const pending = await testApp.dataSource.driver.createSchemaBuilder().log();
    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });
});
