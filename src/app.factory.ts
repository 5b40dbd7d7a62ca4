import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from './app.module.js';
import type { AppConfig, LogLevel } from './config/app-config.js';

const LOG_LEVELS: LogLevel[] = ['error', 'warn', 'log', 'debug', 'verbose'];

/** Builds the whole application, ready to listen: the same for `main.ts` and the tests. */
export async function createApp(config: AppConfig): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({ bodyLimit: config.bodyLimitBytes, trustProxy: true });
  // Bodies are JSON only (Fastify's own parser): any other media type is answered 415, not parsed.
  adapter.getInstance().removeAllContentTypeParsers();
  adapter.getInstance().addContentTypeParser('application/json', { parseAs: 'string' }, adapter.getInstance().getDefaultJsonParser('error', 'error'));
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.register(config), adapter, {
    logger: LOG_LEVELS.slice(0, LOG_LEVELS.indexOf(config.logLevel) + 1),
    abortOnError: false,
    bodyParser: false,
  });
  app.enableShutdownHooks();
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
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: "A JWT from the identity provider; the user is its subject." }, 'Bearer')
    .addSecurity('Basic', {
      type: 'apiKey',
      in: 'header',
      name: 'Authorization',
      description: 'A workspace access token: `Basic <base64 of the token>`.',
    })
    .build();
  return SwaggerModule.createDocument(app, document);
}
