import 'reflect-metadata';
import { createApp } from './app.factory.js';
import { ConfigError, loadConfig, type AppConfig } from './config/app-config.js';
import { loadEnvFile } from './config/env-file.js';
import { handleShutdownSignals } from './health/graceful-shutdown.js';
import { createRootLogger, PinoNestLogger } from './observability/logger.js';

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
  const rootLogger = createRootLogger(config);
  const logger = new PinoNestLogger(rootLogger);
  if (config.jwt.kind === 'secret' && config.jwt.isDevelopmentDefault) {
    logger.warn('No AUTH_* settings: bearer tokens are verified with the public development secret (see README).', 'Main');
  }
  let app: Awaited<ReturnType<typeof createApp>>;
  try {
    app = await createApp(config, rootLogger);
  } catch (error) {
    // One line that says why (the database, most often), not a stack trace.
    logger.fatal(`Cannot start: ${error instanceof Error ? error.message : String(error)}`, 'Main');
    process.exit(1);
  }
  handleShutdownSignals(app, config, logger);
  await app.listen({ port: config.port, host: config.host });
  const database = config.database.url ? 'PostgreSQL' : `the embedded database in ${config.database.embeddedDataDir}`;
  logger.log(`Listening on ${await app.getUrl()} (${config.nodeEnv}, ${database}); Swagger UI at /docs`, 'Main');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
