import { setRouteTemplate } from '@styrkedjan/platform';
import type { MatchedRoute } from './route-table';

// Matched once by the guard, read by the proxy: kept beside the request like the principal (auth/principal.ts).
const matched = new WeakMap<object, MatchedRoute>();

export function setMatchedRoute(request: object, route: MatchedRoute): void {
  matched.set(request, route);
  // The proxy's own route is a catch-all: its metrics are labelled by the declaration matched instead.
  setRouteTemplate(request, route.route.path);
}

/** The declared service route this request asked for, as the guard matched it; null for the gateway's own routes. */
export function matchedRouteOf(request: object): MatchedRoute | null {
  return matched.get(request) ?? null;
}
