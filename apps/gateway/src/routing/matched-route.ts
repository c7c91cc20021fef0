import type { IncomingMessage } from 'node:http';
import type { MatchedRoute } from './route-table';

// Matched once by the guard, read by the proxy: kept beside the request like the principal (auth/principal.ts).
const matched = new WeakMap<IncomingMessage, MatchedRoute>();

export function setMatchedRoute(request: IncomingMessage, route: MatchedRoute): void {
  matched.set(request, route);
}

/** The declared service route this request asked for, as the guard matched it; null for the gateway's own routes. */
export function matchedRouteOf(request: IncomingMessage): MatchedRoute | null {
  return matched.get(request) ?? null;
}
