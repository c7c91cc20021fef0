import { HttpStatus, Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Agent, ClientRequest, IncomingMessage } from 'node:http';
import { createProxyMiddleware, RequestHandler } from 'http-proxy-middleware';
import { ProblemException } from '@styrkedjan/platform';
import { principalOf } from '../auth/principal';
import { SecurityLog } from '../audit/persistence/security-log';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway.config';
import { setForwardedIdentity } from './forwarded-identity';
import { BackendRoute, BackendService } from './route-table';

/** One request on its way through the proxy; the proxy's events find it by the incoming request. */
interface Exchange {
  target: string;
  sent(proxyRequest: ClientRequest): void;
  answered(proxyResponse: IncomingMessage): void;
  failed(error: Error): void;
}

/**
 * Streams a request to the service that owns its path and the answer back, untouched: bodies are never
 * parsed here, and a service's own problem+json passes through as it was sent. Only failures to get an
 * answer at all become the gateway's own problems (503, 504).
 */
@Injectable()
export class ProxyService implements OnApplicationShutdown {
  private readonly logger = new Logger(ProxyService.name);
  // Idle sockets are dropped before Node's default 5 s server keep-alive ends, so one is rarely reused
  // just as the service closes it (which would surface as a spurious 503).
  private readonly agent = new Agent({ keepAlive: true, timeout: 4000 });
  private readonly exchanges = new WeakMap<IncomingMessage, Exchange>();
  private readonly proxy: RequestHandler<Request, Response>;

  constructor(
    @Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig,
    private readonly securityLog: SecurityLog,
  ) {
    this.proxy = createProxyMiddleware<Request, Response>({
      router: (request) => this.exchanges.get(request)!.target,
      changeOrigin: true,
      xfwd: true,
      agent: this.agent,
      on: {
        proxyReq: (proxyRequest, request) => this.exchanges.get(request)?.sent(proxyRequest),
        proxyRes: (proxyResponse, request) => this.exchanges.get(request)?.answered(proxyResponse),
        // Registering an error handler also keeps the library's plain-text error page out.
        error: (error, request) => this.exchanges.get(request as IncomingMessage)?.failed(error),
      },
    });
  }

  /**
   * Resolves once the service has started answering (the body then streams on its own) or the client
   * has gone; rejects with a problem when there is no answer to stream, so the usual filter renders it.
   */
  forward(request: Request, response: Response, route: BackendRoute): Promise<void> {
    this.refuseOversizedBody(request, response);
    setForwardedIdentity(request.headers, principalOf(request));
    // Our own server has already told the client to go on; passing Expect on would also stop the proxy
    // library from handing us the outgoing request, which the timeout needs to cut.
    delete request.headers.expect;
    request.url = request.originalUrl; // the full path and query, exactly as the client sent them

    const { service } = route;
    const timeoutMs = this.config.proxyTimeoutMs;
    return new Promise<void>((resolve, reject) => {
      let proxyRequest: ClientRequest | undefined;
      let answered = false;
      let settled = false;
      const settle = (problem?: Error) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        if (problem) reject(problem);
        else resolve();
      };
      const timer = setTimeout(() => {
        this.logger.warn(
          `${service} gave no answer to ${request.method} ${request.originalUrl} within ${timeoutMs} ms`,
        );
        settle(gatewayTimeout(service, timeoutMs));
        proxyRequest?.destroy();
      }, timeoutMs);

      this.exchanges.set(request, {
        target: this.config.serviceUrls[service],
        sent: (sent) => {
          proxyRequest = sent;
          if (settled) sent.destroy(); // timed out, or the client left, before a socket was even free
        },
        answered: (proxyResponse) => {
          answered = true;
          // The service refused on ownership the gateway could not see (another agency's support): a denial all the same.
          if (proxyResponse.statusCode === 403)
            void this.securityLog.record('access.denied', request, { service, reason: 'refused_by_service' });
          settle();
          // A service that dies mid-body must not leave the client waiting for the rest.
          proxyResponse.once('close', () => {
            if (!proxyResponse.complete) response.destroy();
          });
        },
        failed: (error) => {
          // Once the answer streams, the status is out: all that is left is to cut the response short.
          if (answered) {
            if (!response.writableEnded) response.destroy();
            return;
          }
          if (settled) return; // we gave up on it ourselves (timeout, client gone)
          this.logger.warn(
            `${service} unreachable for ${request.method} ${request.originalUrl}: ${(error as NodeJS.ErrnoException).code ?? error.message}`,
          );
          settle(serviceUnavailable(service));
        },
      });
      response.once('close', () => settle());
      // Not awaited: the proxy reports its outcome through the exchange's events and this callback, which settle.
      void this.proxy(request, response, (error?: unknown) =>
        settle(error instanceof Error ? error : serviceUnavailable(service)),
      );
    });
  }

  onApplicationShutdown(): void {
    this.agent.destroy();
  }

  /**
   * A declared body over BODY_LIMIT is refused here, before a service is bothered. Chunked bodies carry no
   * length up front; the service's own body parser applies the same limit to those.
   */
  private refuseOversizedBody(request: Request, response: Response): void {
    const declared = request.headers['content-length'];
    if (declared === undefined || Number(declared) <= this.config.bodyLimitBytes) return;
    // Close rather than read and discard a body we already know we refuse.
    response.setHeader('connection', 'close');
    throw new ProblemException(
      HttpStatus.PAYLOAD_TOO_LARGE,
      'payload_too_large',
      `The request body is ${declared} bytes; at most ${this.config.bodyLimitBytes} (${this.config.bodyLimit}) are accepted.`,
    );
  }
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
