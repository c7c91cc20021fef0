import type { IncomingMessage } from 'node:http';
import type { Principal } from '@styrkedjan/platform';

export type { Principal };

// Kept beside the request, not on it: nothing a client sends can set it, and it goes when the request goes.
const principals = new WeakMap<IncomingMessage, Principal | null>();

export function setPrincipal(request: IncomingMessage, principal: Principal | null): void {
  principals.set(request, principal);
}

/** Who this request acts for, as the guard established it; null for an anonymous request. */
export function principalOf(request: IncomingMessage): Principal | null {
  return principals.get(request) ?? null;
}
