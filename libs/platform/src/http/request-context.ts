import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Actor, OrganisationKind } from '@styrkedjan/contracts';
import { InvalidInput } from '../errors/domain-errors';
import { unauthorized } from './problem';
import { requestTraceContext, TraceContext, traceHeaders } from '../observability/tracing';

export const CORRELATION_HEADER = 'x-correlation-id';
export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const CORRELATION_ID_PATTERN = /^[A-Za-z0-9._:-]{1,100}$/;

/** What the request context reads of a request, whichever HTTP server parsed it. */
export interface RequestLike {
  method: string;
  url: string;
  originalUrl?: string;
  headers: IncomingMessage['headers'];
  body?: unknown;
}

export interface Principal extends Actor {
  organisationId: string;
  organisationKind: OrganisationKind;
}

export interface Idempotency {
  key: string;
  /** Hash of the request, so a key reused for a different request is refused instead of answered wrongly. */
  fingerprint: string;
}

/** Everything a command needs to know about the request that caused it, and nothing about HTTP. */
export interface RequestContext {
  principal: Principal | null;
  /** Set by seeds and jobs: the system itself acts, not an organisation. */
  system?: boolean;
  correlationId: string;
  idempotency: Idempotency | null;
  /** The W3C trace context of the request's span, when tracing is on: the events it records carry it on. */
  trace?: TraceContext;
}

/** A context whose principal is known: what write commands take. */
export interface ActingContext extends RequestContext {
  principal: Principal;
}

export function readRequestContext(request: RequestLike): RequestContext {
  const trace = traceHeaders(requestTraceContext(request));
  return {
    principal: readPrincipal(request),
    correlationId: correlationIdOf(request),
    idempotency: readIdempotency(request),
    ...(trace ? { trace } : {}),
  };
}

/** The request context; with `{ acting: true }` a request without an acting organisation gets 401. */
export const Ctx = createParamDecorator((options: { acting?: boolean } | undefined, host: ExecutionContext) => {
  const context = readRequestContext(host.switchToHttp().getRequest<RequestLike>());
  if (options?.acting && !context.principal) {
    throw unauthorized('This request must be made by an authenticated organisation.');
  }
  return context;
});

// Who a request acts for, as its verified assertion says (assertion-hook.ts): kept beside the request, not in its
// headers, so that nothing a client sends can set it.
const asserted = new WeakMap<object, Principal>();

/** Records whom a request acts for, once its assertion from the gateway has been verified. */
export function setAssertedPrincipal(request: object, principal: Principal | null): void {
  if (principal) asserted.set(request, principal);
}

function readPrincipal(request: RequestLike): Principal | null {
  return asserted.get(request) ?? null;
}

/**
 * The request's correlation id: the one it came with when usable, else a new one, written into its headers so
 * that everything reading the request later (its log lines, the events it causes, a proxy) sees the same id.
 */
export function correlationIdOf(request: Pick<IncomingMessage, 'headers'>): string {
  const given = request.headers[CORRELATION_HEADER];
  if (typeof given === 'string' && CORRELATION_ID_PATTERN.test(given)) return given;
  const correlationId = randomUUID();
  request.headers[CORRELATION_HEADER] = correlationId;
  return correlationId;
}

function readIdempotency(request: RequestLike): Idempotency | null {
  const key = header(request, IDEMPOTENCY_HEADER);
  if (key === undefined) return null;
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) {
    throw InvalidInput.field('Idempotency-Key', 'must be 1 to 200 visible ASCII characters');
  }
  const fingerprint = createHash('sha256')
    .update(`${request.method} ${request.originalUrl ?? request.url}\n${JSON.stringify(request.body ?? null)}`)
    .digest('hex');
  return { key, fingerprint };
}

function header(request: RequestLike, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
