import type { Server } from 'node:http';
import type { INestApplication, LoggerService } from '@nestjs/common';
import type { AppConfig } from '../config/app-config.js';
import { ShutdownState } from './shutdown-state.js';

/** How long keep-alive connections idle at close may still send a last request before they are closed. */
const IDLE_CONNECTION_GRACE_MS = 1_000;

/**
 * On SIGTERM or SIGINT: readiness goes down at once (the load balancer stops sending) and every answer
 * from then on carries `Connection: close`; after the drain delay the server stops accepting
 * connections and lets in-flight requests finish, then the database pool closes and the process exits
 * 0. Past the timeout it exits 1 instead of hanging.
 *
 * Node closes idle keep-alive connections the moment the server closes: a request a client sends on
 * one at that instant is reset unanswered. So they are left open for a short grace instead: a request
 * arriving on one is served as usual (then the connection closes), and only those still idle after
 * the grace are closed.
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
    const server = app.getHttpServer() as Server;
    const closeIdleConnections = server.closeIdleConnections.bind(server);
    server.closeIdleConnections = () => undefined;
    const grace = setTimeout(closeIdleConnections, IDLE_CONNECTION_GRACE_MS);
    await app.close();
    clearTimeout(grace);
    clearTimeout(deadline);
    logger.log('Shut down cleanly', 'Shutdown');
  };
  process.once('SIGTERM', (signal) => void shutDown(signal));
  process.once('SIGINT', (signal) => void shutDown(signal));
}
