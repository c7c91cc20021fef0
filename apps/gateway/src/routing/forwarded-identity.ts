import type { IncomingHttpHeaders } from 'node:http';
import { ASSERTION_HEADER } from '@styrkedjan/platform';
import { API_KEY_HEADER } from '../auth/authenticator';

/**
 * What a service learns of the caller is the gateway's signed assertion alone: whatever a client sent as an
 * assertion or under the old x-actor-* prefix is dropped, then the assertion made for this request is written.
 */
export function setForwardedIdentity(headers: IncomingHttpHeaders, assertion: string): void {
  for (const name of Object.keys(headers)) {
    if (name.startsWith('x-actor-')) delete headers[name];
  }
  // Credentials end at the gateway: a service has no use for them, and each copy is one more place to leak.
  delete headers.authorization;
  delete headers[API_KEY_HEADER];
  headers[ASSERTION_HEADER] = assertion;
}
