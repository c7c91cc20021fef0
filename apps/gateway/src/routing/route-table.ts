import { match, MatchFunction } from 'path-to-regexp';
import { EndpointDeclaration, ENDPOINTS } from '@styrkedjan/access';
import type { ServiceName } from '@styrkedjan/platform';

export type BackendService = Exclude<ServiceName, 'gateway'>;

/** A declared endpoint of a service behind the gateway. */
export interface BackendRoute extends EndpointDeclaration {
  service: BackendService;
}

/** What a request asked for, found in the table: the route, and the organisation its path names as owner. */
export interface MatchedRoute {
  route: BackendRoute;
  ownerOrganisationId?: string;
}

/** Every endpoint the services declare, with the service that answers it; the gateway's own are routed by Nest. */
export const BACKEND_ROUTES: readonly BackendRoute[] = (
  Object.entries(ENDPOINTS) as [ServiceName, Record<string, EndpointDeclaration>][]
).flatMap(([service, endpoints]) =>
  service === 'gateway' ? [] : Object.values(endpoints).map((endpoint) => ({ ...endpoint, service: service })),
);

/** Every service behind the gateway, in the order the declarations name them. */
export const BACKEND_SERVICES: readonly BackendService[] = [...new Set(BACKEND_ROUTES.map((route) => route.service))];

// The router's own matcher (path-to-regexp, as Express and Nest use it), case-sensitive like the declarations.
// A literal segment wins over a parameter (`/supports/releases` before `/supports/:id`): fewer parameters first.
const compiled: { route: BackendRoute; matches: MatchFunction<Record<string, string>> }[] = [...BACKEND_ROUTES]
  .sort((a, b) => parameterCount(a.path) - parameterCount(b.path))
  .map((route) => ({ route, matches: match<Record<string, string>>(route.path, { sensitive: true, decode: false }) }));

/** The declared route a request asks for, or null when none is declared. HEAD reads like GET. */
export function matchRoute(method: string, url: string): MatchedRoute | null {
  const verb = method === 'HEAD' ? 'GET' : method;
  const path = url.split(/[?#]/, 1)[0];
  // Dot segments would let a path reach past the route it was matched by, once some hop normalises it.
  if (!path.startsWith('/') || path.split('/').some((segment) => /^(\.|%2e){1,2}$/i.test(segment))) return null;
  for (const { route, matches } of compiled) {
    if (route.method !== verb) continue;
    const found = matches(path);
    if (!found) continue;
    if (!route.owner) return { route };
    const owner = decodeSegment(found.params[route.owner]);
    return owner === null ? null : { route, ownerOrganisationId: owner };
  }
  return null;
}

/** Which service documents a path of the API document (`/supports/{id}/feedback`), by the same declarations. */
export function serviceOfDocumentedPath(path: string): BackendService | undefined {
  return DOCUMENTED_PATHS.get(path.replace(/\{[^}/]+\}/g, '{}'));
}

// Keyed by the path's shape, parameters unnamed: a document may name `{id}` what the declaration calls `:id`.
const DOCUMENTED_PATHS = new Map(
  BACKEND_ROUTES.map((route) => [route.path.replace(/:[A-Za-z0-9_]+/g, '{}'), route.service] as const),
);

function parameterCount(path: string): number {
  return (path.match(/:/g) ?? []).length;
}

function decodeSegment(segment: string | undefined): string | null {
  if (segment === undefined) return null;
  try {
    return decodeURIComponent(segment);
  } catch {
    return null; // malformed percent-encoding names no organisation
  }
}
