import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Logger } from 'pino';
import { DataSource } from 'typeorm';
import { createApp } from '../../src/app.factory.js';
import { loadConfig } from '../../src/config/app-config.js';
import { TEST_JWT_SECRET } from './test-auth.js';
import { testDatabaseConfig } from './test-database.js';

export interface TestApp {
  app: NestFastifyApplication;
  dataSource: DataSource;
  request(options: {
    method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
    url: string;
    headers?: Record<string, string>;
    /** An object is sent as JSON; a string is sent as it is. */
    body?: unknown;
  }): Promise<{ status: number; headers: Record<string, unknown>; body: any; text: string }>;
  close(): Promise<void>;
}

/** The real application, in-process, on the test database, configured as in production but for the secret. */
export async function startTestApp(env: Record<string, string> = {}, logger?: Logger): Promise<TestApp> {
  const database = testDatabaseConfig();
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    AUTH_JWT_SECRET: TEST_JWT_SECRET,
    DATABASE_URL: database.url,
    DATA_DIR: database.embeddedDataDir,
    // Tests send many bad credentials from one address; the limit itself is tested on its own.
    AUTH_FAILURE_LIMIT: '1000000',
    // Test files share the PostgreSQL test database: only the outbox tests deliver its messages.
    OUTBOX_DELIVERY: 'false',
    ...env,
  });
  const app = await createApp(config, logger);
  return {
    app,
    dataSource: app.get(DataSource),
    async request({ method, url, headers = {}, body }) {
      const isJson = body !== undefined && typeof body !== 'string';
      const response = await app.inject({
        method,
        url,
        headers: isJson ? { 'content-type': 'application/json', ...headers } : headers,
        payload: isJson ? JSON.stringify(body) : body,
      });
      const text = response.body;
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        parsed = undefined;
      }
      return { status: response.statusCode, headers: response.headers, body: parsed, text };
    },
    close: () => app.close(),
  };
}
