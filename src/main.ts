import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory.js';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config.js';
import { loadEnvFile } from './config/env-file.js';

async function main(): Promise<void> {
  loadEnvFile();
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
  const logger = new Logger('Main');
  if (config.jwt.kind === 'secret' && config.jwt.isDevelopmentDefault) {
    logger.warn('No AUTH_* settings: bearer tokens are verified with the public development secret (see README).');
  }
  const app = await createApp(config);
  await app.listen({ port: config.port, host: config.host });
  const database = config.database.url ? 'PostgreSQL' : `the embedded database in ${config.database.embeddedDataDir}`;
  logger.log(`Listening on ${await app.getUrl()} (${config.nodeEnv}, ${database}); Swagger UI at /docs`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
