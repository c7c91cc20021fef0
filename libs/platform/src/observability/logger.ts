import { DynamicModule, RequestMethod } from '@nestjs/common';
import { AsyncLocalStorage } from 'node:async_hooks';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import type { ServiceName } from '../config';
import { correlationIdOf } from '../http/request-context';
import { redactJsonLine } from './redact';
import { traceIdsOf } from './tracing';

const serviceAtWork = new AsyncLocalStorage<ServiceName>();
const NO_PROPS = Object.freeze({});
const servicesOfProcess: ServiceName[] = [];

/**
 * Runs `start` (a service's creation and listen) as that service: every line logged from what it sets going, its
 * requests, consumers and timers included, names it, even when several services share one process.
 */
export function runAsService<T>(name: ServiceName, start: () => T): T {
  if (!servicesOfProcess.includes(name)) servicesOfProcess.push(name);
  return serviceAtWork.run(name, start);
}

/**
 * One JSON object per line: level, time, service, the Nest context and, inside a request, its correlationId, then
 * the message. Every string in a line is redacted on its way out, whichever field it is in.
 */
export function createLogger(destination?: pino.DestinationStream): pino.Logger {
  const options: pino.LoggerOptions = {
    level: 'info',
    messageKey: 'message',
    base: null,
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    // Outside any service's work (rare: a signal handler shared by several), the process's services.
    // With tracing on, a line logged in a consumer's span names its trace (a request's lines get it from pino-http).
    mixin: () => ({ service: serviceAtWork.getStore() ?? servicesOfProcess.join(','), ...traceIdsOf() }),
    hooks: { streamWrite: redactJsonLine },
  };
  return destination ? pino(options, destination) : pino(options);
}

let processLogger: pino.Logger | undefined;

/**
 * nestjs-pino over the process's one logger: Nest's own lines and every `new Logger(context)` go through it, and
 * a line logged while a request is handled carries that request's correlation id.
 */
export function serviceLoggerModule(logger: pino.Logger = (processLogger ??= createLogger())): DynamicModule {
  return LoggerModule.forRoot({
    // Every route. nestjs-pino's default pattern (`{/*splat}`) matches nothing under Fastify's middleware layer.
    forRoutes: [{ path: '{*splat}', method: RequestMethod.ALL }],
    pinoHttp: {
      logger,
      genReqId: (request) => correlationIdOf(request),
      customAttributeKeys: { reqId: 'correlationId' },
      // The trace and span of the request's server span, when tracing is on: logs and traces join on them.
      customProps: (request) => traceIdsOf(request) ?? NO_PROPS,
      quietReqLogger: true,
      quietResLogger: true,
      // No line per request, as before: the write path is CPU-bound and health checks poll every few seconds.
      autoLogging: false,
      // pino-http binds the request to a child logger on every request: method and URL keep that cheap, and keep
      // headers (Authorization, X-Api-Key) out of any line that names the request.
      serializers: { req: (request: pino.SerializedRequest) => ({ method: request.method, url: request.url }) },
    },
  });
}
