import { HttpStatus, Inject, Injectable, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import { ProblemException, requestTraceContext, ServiceAssertions, traceHeaders } from '@styrkedjan/platform';
import { principalOf } from '../auth/principal';
import { SecurityLog } from '../audit/persistence/security-log';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway.config';
import { setForwardedIdentity } from './forwarded-identity';
import { BackendRoute, BackendService } from './route-table';

/**
 * Streams a request to the service that owns its path and the answer back, untouched: bodies are never
 * parsed here, and a service's own problem+json passes through as it was sent. Only failures to get an
 * answer at all become the gateway's own problems (503, 504). The hop is @fastify/reply-from on undici, with a
 * keep-alive pool per service (registered in ../service-options.ts).
 */
@Injectable()
export class ProxyService {
  private readonly logger = new Logger(ProxyService.name);

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly securityLog: SecurityLog,
    private readonly assertions: ServiceAssertions,
  ) {}

  /**
   * Resolves once the service has started answering (the body then streams on its own); rejects with a
   * problem when there is no answer to stream, so the usual filter renders it.
   */
  forward(request: FastifyRequest, reply: FastifyReply, route: BackendRoute): Promise<void> {
    this.refuseOversizedBody(request, reply);
    const { service } = route;
    const timeoutMs = this.config.proxyTimeoutMs;
    // The target as the service will receive it: reply-from sends the URL as WHATWG's parser normalises it.
    const url = new URL(`${this.config.serviceUrls[service]}${request.url}`);
    const assertion = this.assertions.sign({
      issuer: 'gateway',
      audience: service,
      method: request.method,
      target: `${url.pathname}${url.search}`,
      principal: principalOf(request),
    });
    return new Promise<void>((resolve, reject) => {
      // The path alone: reply-from decodes what it is given to look for dot segments, and a query with a stray `%`
      // (which the services read as it is) would throw there. The query goes on untouched, as the assertion names it.
      this.send(reply, `${url.origin}${url.pathname}`, reject, {
        queryString: () => url.search.slice(1),
        // The time to the first byte of the answer, and then between its chunks.
        timeout: timeoutMs,
        // A request is sent once: whether a retry is safe is the client's call, which the 503 lets it make.
        retryDelay: () => null,
        rewriteRequestHeaders: (_request, headers) => forwardedHeaders(headers, request, assertion),
        onResponse: (_request, answer, response) => {
          // The service refused on ownership the gateway could not see (another agency's support): a denial all the same.
          if (response.statusCode === 403)
            void this.securityLog.record('access.denied', request, { service, reason: 'refused_by_service' });
          void answer.send(response.stream);
          resolve();
        },
        onError: (_reply, { error }) => {
          const timedOut = (error as { statusCode?: number }).statusCode === HttpStatus.GATEWAY_TIMEOUT;
          const cause = (error.cause as NodeJS.ErrnoException | undefined)?.code ?? error.message;
          this.logger.warn(
            timedOut
              ? `${service} gave no answer to ${request.method} ${request.url} within ${timeoutMs} ms`
              : `${service} unreachable for ${request.method} ${request.url}: ${cause}`,
          );
          reject(timedOut ? gatewayTimeout(service, timeoutMs) : serviceUnavailable(service));
        },
      });
    });
  }

  /** reply.from, with what it refuses to forward at all (a path that decodes to dot segments) a 400, not a 500. */
  private send(
    reply: FastifyReply,
    source: string,
    reject: (error: unknown) => void,
    options: Parameters<FastifyReply['from']>[1],
  ): void {
    try {
      reply.from(source, options);
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode !== HttpStatus.BAD_REQUEST) throw error;
      reject(
        new ProblemException(HttpStatus.BAD_REQUEST, 'bad_url', "The request's path cannot be passed on as it is."),
      );
    }
  }

  /**
   * A declared body over BODY_LIMIT is refused here, before a service is bothered. Chunked bodies carry no
   * length up front; the service's own body limit applies the same limit to those.
   */
  private refuseOversizedBody(request: FastifyRequest, reply: FastifyReply): void {
    const declared = request.headers['content-length'];
    if (declared === undefined || Number(declared) <= this.config.bodyLimitBytes) return;
    // Close rather than read and discard a body we already know we refuse.
    void reply.header('connection', 'close');
    throw new ProblemException(
      HttpStatus.PAYLOAD_TOO_LARGE,
      'payload_too_large',
      `The request body is ${declared} bytes; at most ${this.config.bodyLimitBytes} (${this.config.bodyLimit}) are accepted.`,
    );
  }
}

/** The client's headers as the service gets them: the gateway's assertion, the caller's address, no credentials. */
function forwardedHeaders(
  headers: IncomingHttpHeaders,
  request: FastifyRequest,
  assertion: string,
): IncomingHttpHeaders {
  setForwardedIdentity(headers, assertion);
  // The service's span continues the gateway's (tracing on); otherwise a client's traceparent passes as it came.
  Object.assign(headers, traceHeaders(requestTraceContext(request)));
  // Our own server has already told the client to go on; undici refuses to send Expect at all.
  delete headers.expect;
  const forwardedFor = headers['x-forwarded-for'];
  headers['x-forwarded-for'] = forwardedFor ? `${String(forwardedFor)}, ${request.ip}` : request.ip;
  headers['x-forwarded-proto'] ??= request.protocol;
  return headers;
}

function serviceUnavailable(service: BackendService): ProblemException {
  return new ProblemException(
    HttpStatus.SERVICE_UNAVAILABLE,
    'service_unavailable',
    `The ${service} service is unavailable; try again shortly.`,
  );
}

function gatewayTimeout(service: BackendService, timeoutMs: number): ProblemException {
  return new ProblemException(
    HttpStatus.GATEWAY_TIMEOUT,
    'gateway_timeout',
    `The ${service} service did not answer within ${timeoutMs} ms.`,
  );
}
