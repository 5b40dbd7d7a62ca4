import { createServer, type RequestListener } from 'node:http';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { AppModule } from './app.module.js';
import { acceptJsonBodiesOnly } from './common/http/json-body-parser.js';
import { securityHeaders } from './common/http/security-headers.js';
import type { AppConfig } from './config/app-config.js';
import { createRootLogger, PinoNestLogger } from './observability/logger.js';
import { Metrics } from './observability/metrics.js';
import { registerRequestHooks, RequestLogController, requestIdOf } from './observability/request-hooks.js';

/** Builds the whole application, ready to listen: the same for `main.ts` and the tests. */
export async function createApp(config: AppConfig, logger: Logger = createRootLogger(config)): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    logController: new RequestLogController(),
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
    // A URL Fastify cannot even route (bad percent-encoding) never reaches Nest: answer it in the API's shape.
    frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
      void reply.status(400).send({ detail: error.code === 'FST_ERR_BAD_URL' ? 'Malformed URL' : error.message });
    },
  });
  acceptJsonBodiesOnly(adapter.getInstance());

  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config), adapter, {
    logger: new PinoNestLogger(logger),
    abortOnError: false,
    bodyParser: false,
  });
  registerRequestHooks(app.getHttpAdapter().getInstance(), app.get(Metrics), securityHeaders());
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
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'A JWT from the identity provider; the user is its subject.' }, 'Bearer')
    .addSecurity('Basic', {
      type: 'apiKey',
      in: 'header',
      name: 'Authorization',
      description: 'A workspace access token: `Basic <base64 of the token>`.',
    })
    .build();
  return SwaggerModule.createDocument(app, document);
}
