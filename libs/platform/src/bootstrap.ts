import { INestApplication, Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import bytes from 'bytes';
import { Logger as ServiceLogger } from 'nestjs-pino';
import { ConfigError, parseConfig, SERVICE_PORTS, ServiceName } from './config';
import { ServiceErrorFilter } from './database/unavailable';
import { requireServiceAssertion } from './http/assertion-hook';
import { serviceApiDocument } from './http/api-document';
import { correlationIdOf } from './http/request-context';
import { refuseLongUrls, requestLimitOptions } from './http/request-limits';
import { ServiceAssertions } from './http/service-assertion';
import { createValidationPipe } from './http/validation';
import { runAsService } from './observability/logger';
import { Metrics } from './observability/metrics';
import { startTracing, traceHttp } from './observability/tracing';

export interface ServiceOptions {
  /** The gateway streams bodies through untouched; every other service parses JSON. */
  parseJsonBody?: boolean;
  /**
   * The gateway is the public edge and authenticates callers itself; every other service answers only requests
   * carrying the gateway's assertion (http/assertion-hook.ts).
   */
  publicEdge?: boolean;
  /** Last touches before listening: extra hooks and plugins, API docs. */
  configure?: (app: NestFastifyApplication) => void | Promise<void>;
}

/** JSON by its structured-syntax suffix too (`application/merge-patch+json`). */
const JSON_SUFFIX_TYPE = /^application\/[^;\s]+\+json(?:\s*;|$)/i;

/**
 * Fastify's JSON parser (its body limit, its guard against `__proto__` keys), except that an empty body is no
 * body, as it was under Express: clients send `Content-Type: application/json` on a POST without one.
 */
export function jsonBodyParser(fastify: FastifyInstance) {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  return (
    request: FastifyRequest,
    body: string | Buffer,
    done: (error: Error | null, body?: unknown) => void,
  ): void => {
    if (body.length === 0) return done(null, undefined);
    // Fastify's default parser answers through `done`; the promise its type allows for is never returned.
    void parse(request, body.toString('utf8'), done);
  };
}

/**
 * Builds a service's HTTP application with the shared edge: problem+json errors, validation, body limits, docs.
 * Fastify rather than Express: its routing and JSON handling cost a fraction of Express's per request, which is
 * what a request crossing two services on two cores is bounded by (docs/benchmark.md).
 */
export async function createServiceApp(
  module: unknown,
  name: ServiceName,
  options: ServiceOptions = {},
  config = parseConfig(process.env, name),
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    // Bodies over the limit are refused (413) before they are read to the end; malformed JSON is a 400.
    bodyLimit: bytes.parse(config.BODY_LIMIT)!,
    // As Express matched them: `/needs/` is `/needs`.
    routerOptions: { ignoreTrailingSlash: true },
    // nestjs-pino does the logging, and names a request by its correlation id rather than Fastify's counter.
    logger: false,
    genReqId: correlationIdOf,
    // URLs over 8 KiB are a 414, headers over 16 KiB a 431, both problem+json like every other refusal.
    ...requestLimitOptions,
  });
  if (!config.SERVICE_AUTH_SECRET)
    throw new ConfigError(
      'Invalid configuration:\n  SERVICE_AUTH_SECRET: required for a service: the secret (at least 32 characters) the gateway signs the requests it passes on with, the same in every service (`npm start` and the test harness make one per start)',
    );
  const app = await NestFactory.create<NestFastifyApplication>(module as never, adapter, { bufferLogs: true });
  app.useLogger(app.get(ServiceLogger));
  app.enableShutdownHooks();
  app.useGlobalFilters(new ServiceErrorFilter());
  app.useGlobalPipes(createValidationPipe());
  const fastify = app.getHttpAdapter().getInstance();
  refuseLongUrls(fastify);
  if (!options.publicEdge) requireServiceAssertion(fastify, name, app.get(ServiceAssertions));
  app.get(Metrics).observeHttp(fastify);
  traceHttp(fastify, name);
  if (options.parseJsonBody !== false) {
    // application/json through Nest, so that Nest registers no parser of its own for it when it starts.
    app.useBodyParser('application/json', {}, jsonBodyParser(fastify));
    fastify.addContentTypeParser(JSON_SUFFIX_TYPE, { parseAs: 'string' }, jsonBodyParser(fastify));
  }
  if (options.configure) await options.configure(app);
  else documentService(app, name);
  return app;
}

/** Serves the service's own OpenAPI document at /docs-json (the gateway merges them all). */
export function documentService(app: INestApplication, name: ServiceName): void {
  SwaggerModule.setup('docs', app, () => serviceApiDocument(app, name), { jsonDocumentUrl: 'docs-json' });
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
    await startTracing(name);
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
