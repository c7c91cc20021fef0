import type { ServiceName } from '@styrkedjan/platform';

export type BackendService = Exclude<ServiceName, 'gateway'>;

export interface Route {
  /** Leading path segments; `:name` stands for any one segment. Deeper paths match too (`/needs` covers `/needs/:id`). */
  path: string;
  service: BackendService;
}

/**
 * Which service answers which path. Read top to bottom, first match wins: the more specific paths that
 * another service owns inside a resource (an organisation's subscriptions, a support's feedback) come
 * before the resource itself. Paths the gateway serves itself (/health, /admin, /docs) never get here.
 */
export const ROUTES: readonly Route[] = [
  { path: '/organisations/:id/subscriptions', service: 'notifications' },
  { path: '/organisations/:id/notifications', service: 'notifications' },
  { path: '/organisations', service: 'directory' },
  { path: '/areas', service: 'directory' },
  { path: '/needs', service: 'needs' },
  { path: '/supports/:id/feedback', service: 'feedback' },
  { path: '/supports', service: 'supports' },
  { path: '/pipeline', service: 'pipeline' },
  { path: '/events', service: 'pipeline' },
];

/** Every service behind the gateway, in the order the table first names them. */
export const BACKEND_SERVICES: readonly BackendService[] = [...new Set(ROUTES.map((route) => route.service))];

const compiled = ROUTES.map((route) => ({ route, segments: segmentsOf(route.path) }));

/** The route for a request path (query string allowed), or null when no service owns it. */
export function resolveRoute(url: string): Route | null {
  const path = url.split(/[?#]/, 1)[0];
  if (!path.startsWith('/')) return null;
  const segments = segmentsOf(path);
  // Dot segments would let a path reach past the prefix it was routed by, once some hop normalises it.
  if (segments.some((segment) => /^(\.|%2e){1,2}$/i.test(segment))) return null;
  for (const { route, segments: pattern } of compiled) {
    if (pattern.length > segments.length) continue;
    if (pattern.every((part, i) => (part.startsWith(':') ? segments[i] !== '' : part === segments[i]))) return route;
  }
  return null;
}

function segmentsOf(path: string): string[] {
  return path.slice(1).split('/');
}
