import { createServer, STATUS_CODES, type RequestListener } from 'node:http';
import type { Duplex } from 'node:stream';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import { ShutdownState } from './health/shutdown-state.js';
import { acceptJsonBodiesOnly } from './common/http/json-body-parser.js';
import { securityHeaders } from './common/http/security-headers.js';
import type { AppConfig } from './config/app-config.js';
import { LoggablePaths } from './common/log-safety.js';
import { createRootLogger, PinoNestLogger } from './observability/logger.js';
import { Metrics } from './observability/metrics.js';
import { registerRequestHooks, RequestLogController, requestIdOf } from './observability/request-hooks.js';

/** Builds the whole application, ready to listen: the same for `main.ts` and the tests. */
export async function createApp(config: AppConfig, logger: Logger = createRootLogger(config)): Promise<NestFastifyApplication> {
  const paths = new LoggablePaths();
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    logController: new RequestLogController(paths),
    genReqId: requestIdOf,
    bodyLimit: config.bodyLimitBytes,
    // Bounded request time: a client that does not finish sending its request within the limit
    // (slowloris) is answered 408 and disconnected; the check runs every second.
    serverFactory: (handler: RequestListener) =>
      createServer(
        {
          requestTimeout: config.requestTimeoutMs,
          headersTimeout: Math.min(config.requestTimeoutMs, 60_000),
          connectionsCheckingInterval: Math.min(1_000, config.requestTimeoutMs),
        },
        handler,
      ),
    // Fastify's option takes a hop count as a number, the same as the other forms.
    trustProxy: config.trustProxy as boolean | string[],
    // While closing, a request that still arrives on an open connection is served (then its connection
    // closes), not answered with Fastify's own 503 body.
    return503OnClosing: false,
    // A path parameter of any length reaches validation (a user id may have 255 characters, and a longer
    // one gets the reference's 422, not Fastify's 400); the URL as a whole is bounded by Node's header limit.
    routerOptions: { maxParamLength: 65_536 },
    // What Node answers itself, before a request exists (a timeout, headers too large, bytes that are not
    // HTTP): logged, and answered in the API's shape.
    clientErrorHandler: (error: NodeJS.ErrnoException, socket: Duplex) => answerClientError(error, socket, logger),
    // A URL Fastify cannot even route (bad percent-encoding) never reaches Nest: answer it in the API's shape.
    frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
      void reply.status(400).send({ detail: error.code === 'FST_ERR_BAD_URL' ? 'Malformed URL' : error.message });
    },
  });
  acceptJsonBodiesOnly(adapter.getInstance());
  adapter.getInstance().addHook('onRoute', (route) => paths.learn(route.url));

  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config), adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
    bodyParser: false,
  });
  registerRequestHooks(app.getHttpAdapter().getInstance(), app.get(Metrics), securityHeaders(), app.get(ShutdownState));
  SwaggerModule.setup('docs', app, buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs-json',
    swaggerOptions: { persistAuthorization: true },
  });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

export function buildOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const document = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('AskUI Workspaces API')
    .setVersion('0.2.15')
    .setDescription('Creates and manages workspaces, their members and their access tokens.')
    .addTag('workspaces', 'Workspaces: create (you become the owner), list yours, read, rename, delete.')
    .addTag('workspace-memberships', 'Who belongs to a workspace and with which role (owner, admin, member).')
    .addTag(
      'access-tokens',
      'Access tokens, sent as `Authorization: Basic`: workspace access tokens (`wsat_…`, under a workspace) act as one membership in its workspace; user access tokens (`usat_…`, `/api/v1/access-tokens`) act as their user in every workspace the user belongs to. Both are made with the bearer token; neither creates workspaces or tokens.',
    )
    .addTag(
      'invites',
      'Invitations by email: owners and admins invite an address with a role; the invitee, signed in with that verified address, accepts or declines.',
    )
    .addTag(
      'authorization',
      'What a user may do where, for other services to ask on every request: one question or a batch of 100 answered from one read, by the rules the endpoints apply; and where a user may do an action.',
    )
    .addTag('health', 'Liveness and readiness, for orchestrators and load balancers (no credentials).')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A JWT from the identity provider; the user is its subject.' }, 'Bearer')
    .addSecurity('Basic', {
      type: 'apiKey',
      in: 'header',
      name: 'Authorization',
      description:
        'An access token of either kind: a workspace access token (`wsat_…`) or a user access token (`usat_…`). ' +
        'Type into Value exactly: `Basic ` followed by the base64 of the token ' +
        '(`Basic d3NhdF8...`); `Basic ` followed by the raw token (`Basic wsat_...`) is accepted too.',
    })
    .build();
  return withPlainReferences(SwaggerModule.createDocument(app, document));
}

/**
 * @nestjs/swagger writes a property that is one enum (`privilege: WorkspacePrivilege`) as
 * `{"allOf": [{"$ref": ...}]}`; the contract writes `{"$ref": ...}`, which OpenAPI 3.1 allows and
 * generated clients read the same. The document says it as the contract does.
 */
function withPlainReferences(document: OpenAPIObject): OpenAPIObject {
  for (const schema of Object.values(document.components?.schemas ?? {})) {
    const properties = (schema as { properties?: Record<string, { allOf?: unknown[] }> }).properties ?? {};
    for (const [name, property] of Object.entries(properties)) {
      if (Object.keys(property).length === 1 && property.allOf?.length === 1) properties[name] = property.allOf[0] as { allOf?: unknown[] };
    }
  }
  return document;
}

const CLIENT_ERROR_STATUS: Record<string, number> = {
  ERR_HTTP_REQUEST_TIMEOUT: 408,
  ERR_HTTP_HEADERS_TIMEOUT: 408,
  HPE_HEADER_OVERFLOW: 431,
};

/** One log line (the error's code only: Node's error carries the raw bytes received) and a `{"detail"}` answer. */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex, logger: Logger): void {
  const status = CLIENT_ERROR_STATUS[error.code ?? ''] ?? 400;
  const gone = error.code === 'ECONNRESET' || !socket.writable;
  logger.warn(
    { status: gone ? undefined : status, code: error.code },
    gone ? 'client connection reset' : 'client error answered by the server',
  );
  if (gone) return void socket.destroy();
  const body = JSON.stringify({ detail: STATUS_CODES[status] });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
