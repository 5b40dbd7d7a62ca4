import { ShutdownState } from '../../src/health/shutdown-state.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('Health', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => t.close());

  it('live answers 200 without credentials', async () => {
    const response = await t.request({ method: 'GET', url: '/health/live' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'ok' });
  });

  it('ready reports the database, the migrations and the lifecycle', async () => {
    const response = await t.request({ method: 'GET', url: '/health/ready' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up' }, migrations: { status: 'up' }, lifecycle: { status: 'up' } },
    });
  });

  it('ready reports down with 503 when a migration is pending', async () => {
    // Its own embedded database: forgetting a migration must not disturb tests running beside it.
    const isolated = await startTestApp({ DATABASE_URL: '', DATA_DIR: 'memory://' });
    try {
      await isolated.dataSource.query(`DELETE FROM migrations WHERE name = 'CreateUsers1764280000000'`);
      const response = await isolated.request({ method: 'GET', url: '/health/ready' });
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ status: 'error', error: { migrations: { status: 'down', message: 'pending migrations' } } });
    } finally {
      await isolated.close();
    }
  });

  it('ready reports down once shutdown has begun, while live stays up', async () => {
    const other = await startTestApp();
    try {
      other.app.get(ShutdownState).begin();
      const ready = await other.request({ method: 'GET', url: '/health/ready' });
      expect(ready.status).toBe(503);
      expect(ready.body).toMatchObject({ error: { lifecycle: { status: 'down', message: 'shutting down' } } });
      expect((await other.request({ method: 'GET', url: '/health/live' })).status).toBe(200);
    } finally {
      await other.close();
    }
  });
});
