import type { IncomingHttpHeaders } from 'node:http';
import { ACTOR_HEADERS, Principal } from '@styrkedjan/platform';
import { API_KEY_HEADER } from '../auth/authenticator';

/**
 * The services trust x-actor-* because only the gateway sets them: whatever a client sent under that
 * prefix is dropped, then the principal the guard established is written in its place.
 */
export function setForwardedIdentity(headers: IncomingHttpHeaders, principal: Principal | null): void {
  for (const name of Object.keys(headers)) {
    if (name.startsWith('x-actor-')) delete headers[name];
  }
  // Credentials end at the gateway: a service has no use for them, and each copy is one more place to leak.
  delete headers.authorization;
  delete headers[API_KEY_HEADER];
  if (!principal) return;
  headers[ACTOR_HEADERS.organisationId] = principal.organisationId;
  headers[ACTOR_HEADERS.organisationKind] = principal.organisationKind;
  if (principal.userId) headers[ACTOR_HEADERS.userId] = principal.userId;
  headers[ACTOR_HEADERS.method] = principal.method;
}
