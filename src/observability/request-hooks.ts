import { randomUUID } from 'node:crypto';
import { LogController, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { LoggablePaths } from '../common/log-safety.js';
import type { Metrics } from './metrics.js';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** An incoming `X-Request-Id` is kept when it is safe to log; otherwise a new one is made. */
export function requestIdOf(request: { headers: Record<string, string | string[] | undefined> }): string {
  const incoming = request.headers['x-request-id'];
  return typeof incoming === 'string' && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
}

/** The route template (`/api/v1/workspaces/:workspace_id`), so that ids do not explode metric labels. */
const routeOf = (request: FastifyRequest) => request.routeOptions.url ?? 'unmatched';

/**
 * Exactly one log line per request, when it completes: method, route, path (no query string, and
 * only the API's own words and UUIDs of it),
 * status, duration and the request id. Headers are not logged, so neither are credentials.
 */
export class RequestLogController extends LogController {
  constructor(private readonly paths: LoggablePaths) {
    super({ requestIdLogLabel: 'requestId' });
  }

  override incomingRequest(): void {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    const line = {
      method: request.method,
      route: routeOf(request),
      path: this.paths.of(request.url),
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime * 100) / 100,
    };
    if (error) request.log.error({ ...line, err: error }, 'request errored');
    else request.log.info(line, 'request completed');
  }
}

/** Request metrics; the request id and the (precomputed) security headers on every answer; `Connection: close` once shutting down. */
export function registerRequestHooks(
  fastify: FastifyInstance,
  metrics: Metrics,
  headers: Record<string, string>,
  shutdown: { readonly isShuttingDown: boolean },
): void {
  // Callback-style hooks: an async hook costs a promise per request.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    reply.headers(headers);
    reply.header('x-request-id', request.id);
    // Shutting down: clients open a new connection (to another replica) for their next request.
    if (shutdown.isShuttingDown) reply.header('connection', 'close');
    done(null, payload);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    metrics.observeRequest(request.method, routeOf(request), reply.statusCode, reply.elapsedTime / 1000);
    done();
  });
}
