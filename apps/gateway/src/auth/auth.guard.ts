import { CanActivate, ExecutionContext, HttpStatus, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { decide, EndpointDeclaration } from '@styrkedjan/access';
import { ENDPOINT_METADATA, NotPermitted, ProblemException, unauthorized } from '@styrkedjan/platform';
import { SecurityLog } from '../audit/persistence/security-log';
import { RateLimits } from '../limits/rate-limits';
import { setMatchedRoute } from '../routing/matched-route';
import { ProxyController } from '../routing/proxy.controller';
import { matchRoute } from '../routing/route-table';
import { Authenticator } from './authenticator';
import { setPrincipal } from './principal';
import { AuthFailure } from './token-verifier';

interface RequestedAction {
  action: EndpointDeclaration['action'];
  /** The organisation the path names as the owner of what is acted on, when it names one. */
  ownerOrganisationId?: string;
}

/** Reachable without a credential: the health checks (the API docs are served outside Nest's routes). */
const PUBLIC_PATHS = new Set(['/health/live', '/health/ready']);

/**
 * Every request the gateway routes passes here first: who is calling (401 without a valid credential),
 * whether they are within their limits (429), and whether the policy lets them do what they ask (403).
 * Refused credentials and denied actions are written to the security log.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly limits: RateLimits,
    private readonly securityLog: SecurityLog,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const response = http.getResponse<FastifyReply>();
    if (PUBLIC_PATHS.has(pathOf(request))) return true;

    const ip = request.ip ?? 'unknown';
    await this.limits.refuseIfFailingTooOften(ip, response);
    let caller;
    try {
      caller = await this.authenticator.authenticate(request);
    } catch (error) {
      if (!(error instanceof AuthFailure)) throw error;
      if (error.status === 503)
        throw new ProblemException(HttpStatus.SERVICE_UNAVAILABLE, 'service_unavailable', error.message);
      await Promise.all([
        this.limits.failed(ip),
        this.securityLog.record('auth.failed', request, { reason: error.reason }),
      ]);
      throw challenge(response, error.message, 'invalid_token');
    }
    if (!caller)
      throw challenge(
        response,
        'This request needs a bearer token (Authorization: Bearer …) or an API key (X-Api-Key).',
      );
    setPrincipal(request, caller);
    await this.limits.consume(caller, response);

    const requested = this.requestedAction(context, request);
    const decision = decide(
      caller,
      requested.action,
      requested.ownerOrganisationId ? { organisationId: requested.ownerOrganisationId } : undefined,
    );
    if (!decision.allowed) {
      await this.securityLog.record('access.denied', request, {
        action: requested.action,
        reason: decision.reason,
        roles: caller.roles,
      });
      throw new NotPermitted(decision.detail);
    }
    return true;
  }

  /** What the request asks of the policy, from the route's one declaration (libs/access/src/endpoints.ts). */
  private requestedAction(context: ExecutionContext, request: FastifyRequest): RequestedAction {
    if (context.getClass() === ProxyController) {
      const matched = matchRoute(request.method, request.originalUrl);
      if (!matched)
        throw new ProblemException(
          HttpStatus.NOT_FOUND,
          'not_found',
          `No route for ${request.method} ${pathOf(request)}.`,
        );
      setMatchedRoute(request, matched);
      return { action: matched.route.action, ownerOrganisationId: matched.ownerOrganisationId };
    }
    const endpoint = this.reflector.get<EndpointDeclaration | undefined>(ENDPOINT_METADATA, context.getHandler());
    // A gateway route served without a declaration is a mistake; refusing keeps it from being open.
    if (!endpoint?.action) throw new NotPermitted('This route is not open to anyone.');
    return { action: endpoint.action };
  }
}

function pathOf(request: FastifyRequest): string {
  return request.url.split('?', 1)[0];
}

function challenge(response: FastifyReply, detail: string, error?: string): ProblemException {
  void response.header('WWW-Authenticate', `Bearer realm="styrkedjan"${error ? `, error="${error}"` : ''}`);
  return unauthorized(detail);
}
