import { Logger } from '@nestjs/common';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SERVICE_NAMES, ServiceName } from '../services';
import { PROBLEM_CONTENT_TYPE } from './problem-details.filter';
import { setAssertedPrincipal } from './request-context';
import { ASSERTION_HEADER, AssertionFailure, ServiceAssertions } from './service-assertion';

/** Answered to anyone: the health checks and the metrics, which orchestrators, launchers and Prometheus poll without credentials (never routed by the gateway). */
const OPEN_PATHS = new Set(['/health/live', '/health/ready', '/metrics']);
/** The outbox feed that consumers reconcile against: asked by services, never by the gateway for a user. */
const SERVICE_TO_SERVICE = /^\/outbox\//;

/**
 * A service answers only what the gateway passed on (or, for its outbox feed, what another service of the
 * deployment asks): every request but the health checks must carry an assertion for this service and this request,
 * signed with the deployment's secret. Without one, the answer is 401 problem+json and a warning in the log; with
 * one, the principal it names is whom the request acts for (read by `Ctx`). Verifying is an HMAC and a hash, a few
 * microseconds.
 */
export function requireServiceAssertion(
  fastify: FastifyInstance,
  service: ServiceName,
  assertions: ServiceAssertions,
  logger = new Logger('ServiceAssertion'),
): void {
  const peers = SERVICE_NAMES.filter((name) => name !== 'gateway' && name !== service);
  fastify.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?', 1)[0];
    if (OPEN_PATHS.has(path)) return;
    const token = request.headers[ASSERTION_HEADER];
    try {
      const assertion = assertions.verify(typeof token === 'string' ? token : undefined, {
        issuers: SERVICE_TO_SERVICE.test(path) ? peers : ['gateway'],
        audience: service,
        method: request.method,
        target: request.url,
      });
      setAssertedPrincipal(request, assertion.principal);
    } catch (error) {
      if (!(error instanceof AssertionFailure)) throw error;
      logger.warn(
        `refused ${request.method} ${path} from ${request.ip}: ${error.reason} (${error.message}); only requests the gateway passes on are answered`,
      );
      return reply
        .code(401)
        .type(PROBLEM_CONTENT_TYPE)
        .send(
          JSON.stringify({
            type: 'about:blank',
            title: 'Unauthorized',
            status: 401,
            detail: `${error.message} This service answers only requests passed on by the gateway.`,
            instance: path,
            code: 'unauthenticated',
          }),
        );
    }
  });
}
