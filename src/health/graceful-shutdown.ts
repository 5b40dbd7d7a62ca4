import type { INestApplication, LoggerService } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { ShutdownState } from './shutdown-state.js';

/**
 * On SIGTERM or SIGINT: readiness goes down at once (the load balancer stops sending), after the
 * drain delay the server stops accepting connections and lets in-flight requests finish, then the
 * database pool closes and the process exits 0. Past the timeout it exits 1 instead of hanging.
 */
export function handleShutdownSignals(app: INestApplication, config: AppConfig, logger: LoggerService): void {
  let started = false;
  const shutDown = async (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    logger.log(`${signal} received: shutting down`, 'Shutdown');
    app.get(ShutdownState).begin();
    const deadline = setTimeout(() => {
      logger.error(`Shutdown did not finish within ${config.shutdownTimeoutMs} ms`, undefined, 'Shutdown');
      process.exit(1);
    }, config.shutdownDrainDelayMs + config.shutdownTimeoutMs);
    await new Promise((resolve) => setTimeout(resolve, config.shutdownDrainDelayMs));
    await app.close();
    clearTimeout(deadline);
    logger.log('Shut down cleanly', 'Shutdown');
  };
  process.once('SIGTERM', (signal) => void shutDown(signal));
  process.once('SIGINT', (signal) => void shutDown(signal));
}
