import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express from 'express';
import { Logger as ServiceLogger } from 'nestjs-pino';
import { parseConfig, SERVICE_PORTS, ServiceName } from './config';
import { problemErrorMiddleware, ProblemDetailsFilter } from './http/problem-details.filter';
import { createValidationPipe } from './http/validation';
import { runAsService } from './observability/logger';

export interface ServiceOptions {
  /** The gateway streams bodies through untouched; every other service parses JSON. */
  parseJsonBody?: boolean;
  /** Last touches before listening: extra middleware, API docs. */
  configure?: (app: NestExpressApplication) => void | Promise<void>;
}

/** Builds a service's HTTP application with the shared edge: problem+json errors, validation, body limits, docs. */
export async function createServiceApp(
  module: unknown,
  name: ServiceName,
  options: ServiceOptions = {},
  config = parseConfig(process.env, name),
): Promise<NestExpressApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module as never, {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(ServiceLogger));
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.enableShutdownHooks();
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.useGlobalPipes(createValidationPipe());
  if (options.parseJsonBody !== false) {
    app.use(express.json({ limit: config.BODY_LIMIT, type: ['application/json', 'application/*+json'] }));
    // Registered right after the parser, so malformed or oversized bodies become problem documents too.
    app.use(problemErrorMiddleware());
  }
  if (options.configure) await options.configure(app);
  else documentService(app, name);
  return app;
}

/** Serves the service's own OpenAPI document at /docs-json (the gateway merges them all). */
export function documentService(app: INestApplication, name: ServiceName): void {
  const document = () =>
    SwaggerModule.createDocument(app, new DocumentBuilder().setTitle(`Styrkedjan ${name}`).setVersion('1').build());
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
}

/** Starts a service's HTTP application on PORT (else its usual port), or on the port given. */
export async function runService(
  module: unknown,
  name: ServiceName,
  options: ServiceOptions = {},
  port?: number,
): Promise<INestApplication> {
  return runAsService(name, async () => {
    const config = parseConfig(process.env, name);
    const app = await createServiceApp(module, name, options, config);
    port ??= config.PORT ?? SERVICE_PORTS[name];
    await app.listen(port, config.HOST);
    new Logger(name).log(`listening on http://${config.HOST}:${port}`);
    // Started by `npm start` with a channel to it: if the launcher dies, even by SIGKILL, stop cleanly too
    // rather than live on holding the port.
    if (process.connected) process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
    return app;
  });
}
