/**
 * `npm run openapi [-- <file>]`: writes the service's OpenAPI document (what /docs-json serves) to a
 * file, default `openapi.json`, for client generation. It builds the application on an in-memory
 * embedded database, so it needs no database, settings or port.
 */
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { buildOpenApiDocument, createApp } from './app.factory.js';
import { loadConfig } from './config/app-config.js';
import { createRootLogger } from './observability/logger.js';

const file = process.argv[2] ?? 'openapi.json';
const config = loadConfig({ NODE_ENV: 'development', DATA_DIR: 'memory://', LOG_LEVEL: 'error', LOG_FORMAT: 'json' });
const app = await createApp(config, createRootLogger(config));
try {
  writeFileSync(file, `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`);
  console.log(`OpenAPI document written to ${file}`);
} finally {
  await app.close();
}
