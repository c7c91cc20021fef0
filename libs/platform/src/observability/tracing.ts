import {
  context,
  Context,
  propagation,
  ROOT_CONTEXT,
  Span,
  SpanKind,
  SpanStatusCode,
  trace,
  type TextMapGetter,
} from '@opentelemetry/api';
// Types only: the SDK, the exporter and their dependencies are loaded when tracing is switched on, so a process
// with tracing off does not pay for loading them (about a second of start-up on a busy machine).
import type { NodeTracerProvider, SpanExporter } from '@opentelemetry/sdk-trace-node';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';

/** The W3C trace context of what caused an event, as the envelope carries it (libs/contracts/src/envelope.ts). */
export interface TraceContext {
  traceparent: string;
  tracestate?: string;
}

const TRACER = 'styrkedjan';
let provider: NodeTracerProvider | undefined;

/** Whether this process records spans: only once `startTracing` found an exporter configured. */
export function tracingEnabled(): boolean {
  return provider !== undefined;
}

/**
 * Starts recording spans when the environment asks for it (OpenTelemetry's own variables):
 * `OTEL_TRACES_EXPORTER=otlp` (or just `OTEL_EXPORTER_OTLP_ENDPOINT` / `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`)
 * sends them over OTLP/HTTP (protobuf), `console` prints them, `file` appends them as JSON lines to `TRACES_FILE`
 * (json-lines-span-exporter.ts). Off otherwise: the API then hands out
 * non-recording spans, and the HTTP hooks and envelope fields below are skipped altogether. One provider per
 * process, named by `OTEL_SERVICE_NAME` or the first service started in it; spans name their service too.
 * A test passes its own exporter.
 */
export async function startTracing(serviceName: string, exporter?: SpanExporter, env = process.env): Promise<boolean> {
  if (provider) return true;
  const chosen = exporter ?? (await exporterFromEnvironment(env));
  if (!chosen) return false;
  const { BatchSpanProcessor, NodeTracerProvider, SimpleSpanProcessor } = await import('@opentelemetry/sdk-trace-node');
  const { resourceFromAttributes } = await import('@opentelemetry/resources');
  provider = new NodeTracerProvider({
    resource: resourceFromAttributes({ 'service.name': env.OTEL_SERVICE_NAME ?? serviceName }),
    // A test's exporter sees each span as it ends; a real one gets them in batches, off the request's path.
    spanProcessors: [
      exporter ? new SimpleSpanProcessor(chosen) : new BatchSpanProcessor(chosen, batchOptionsFrom(env)),
    ],
  });
  provider.register();
  return true;
}

/** Hands every finished span to the exporter now: at shutdown, so the last batch is not lost with the process. */
export async function flushTracing(): Promise<void> {
  await provider?.forceFlush();
}

/** Flushes and stops the provider (between tests). */
export async function stopTracing(): Promise<void> {
  const stopping = provider;
  provider = undefined;
  await stopping?.shutdown();
  trace.disable();
  propagation.disable();
  context.disable();
}

/** OpenTelemetry's own batch variables, which this SDK version leaves to the caller to read. */
function batchOptionsFrom(env: NodeJS.ProcessEnv): { scheduledDelayMillis?: number; maxExportBatchSize?: number } {
  const positive = (value: string | undefined) => (value && Number(value) > 0 ? Number(value) : undefined);
  return {
    scheduledDelayMillis: positive(env.OTEL_BSP_SCHEDULE_DELAY),
    maxExportBatchSize: positive(env.OTEL_BSP_MAX_EXPORT_BATCH_SIZE),
  };
}

async function exporterFromEnvironment(env: NodeJS.ProcessEnv): Promise<SpanExporter | undefined> {
  const choice = (env.OTEL_TRACES_EXPORTER ?? '').split(',')[0].trim().toLowerCase();
  if (choice === 'none' || env.OTEL_SDK_DISABLED === 'true') return undefined;
  if (choice === 'console') return new (await import('@opentelemetry/sdk-trace-node')).ConsoleSpanExporter();
  if (choice === 'file') {
    if (!env.TRACES_FILE) throw new Error('OTEL_TRACES_EXPORTER=file needs TRACES_FILE, the path to append spans to');
    return new (await import('./json-lines-span-exporter')).JsonLinesSpanExporter(env.TRACES_FILE);
  }
  if (choice === 'otlp' || env.OTEL_EXPORTER_OTLP_ENDPOINT || env.OTEL_EXPORTER_OTLP_TRACES_ENDPOINT) {
    return new (await import('@opentelemetry/exporter-trace-otlp-proto')).OTLPTraceExporter();
  }
  if (choice) throw new Error(`OTEL_TRACES_EXPORTER: ${choice} is not one of otlp, console, file, none`);
  return undefined;
}

export function tracer() {
  return trace.getTracer(TRACER);
}

const headerGetter: TextMapGetter<FastifyRequest['headers']> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => carrier[key],
};

const recordGetter: TextMapGetter<TraceContext> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => (key === 'traceparent' || key === 'tracestate' ? carrier[key] : undefined),
};

// A request's server span, kept beside it like the principal: Fastify's hooks and the body's stream events do
// not share one async context, so the span is looked up by its request rather than taken from the context.
const serverSpans = new WeakMap<object, Span>();

/**
 * A server span for every request the Fastify instance answers, continuing the caller's trace when its
 * `traceparent` header names one (the gateway's, for a service). Nothing is added when tracing is off.
 */
export function traceHttp(fastify: FastifyInstance, service: string): void {
  if (!tracingEnabled()) return;
  fastify.addHook('onRequest', (request: FastifyRequest, _reply: FastifyReply, done: () => void) => {
    const parent = propagation.extract(ROOT_CONTEXT, request.headers, headerGetter);
    const span = tracer().startSpan(
      `${request.method} ${request.routeOptions.url ?? 'unmatched'}`,
      {
        kind: SpanKind.SERVER,
        attributes: { 'http.request.method': request.method, 'url.path': request.url.split('?', 1)[0], service },
      },
      parent,
    );
    serverSpans.set(request, span);
    // And by the Node request, which is what the request logger (pino-http) sees.
    serverSpans.set(request.raw, span);
    done();
  });
  fastify.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    const span = serverSpans.get(request);
    if (span) {
      span.setAttribute('http.response.status_code', reply.statusCode);
      if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    }
    done();
  });
}

/** The context of a request's server span, for what it causes (events, the proxied request); undefined when off. */
export function requestTraceContext(request: object): Context | undefined {
  const span = serverSpans.get(request);
  return span ? trace.setSpan(ROOT_CONTEXT, span) : undefined;
}

/** The ids a log line names its trace by: the request's server span, else the active span (a consumer's). */
export function traceIdsOf(request?: object): { traceId: string; spanId: string } | undefined {
  if (!tracingEnabled()) return undefined;
  const span = (request && serverSpans.get(request)) ?? trace.getActiveSpan();
  if (!span?.isRecording()) return undefined;
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
}

/** The W3C headers naming a span context (the current one unless given): `traceparent`, `tracestate`. */
export function traceHeaders(of: Context | undefined = context.active()): TraceContext | undefined {
  if (!tracingEnabled() || !of || !trace.getSpan(of)?.isRecording()) return undefined;
  const carrier: Partial<TraceContext> = {};
  propagation.inject(of, carrier);
  return carrier.traceparent ? (carrier as TraceContext) : undefined;
}

/** The context an event's recorded trace names, for its consumer's span to continue; the root when none. */
export function contextOfTrace(recorded: TraceContext | undefined): Context {
  return recorded ? propagation.extract(ROOT_CONTEXT, recorded, recordGetter) : ROOT_CONTEXT;
}
