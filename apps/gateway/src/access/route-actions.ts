import type { Action } from '@styrkedjan/access';

interface ActionRoute {
  method: 'GET' | 'POST' | 'PUT';
  /** The whole path; `:name` stands for one segment, `:owner` for the organisation the object belongs to. */
  path: string;
  action: Action;
}

/**
 * What each route the services answer asks of the policy. Matched whole (unlike the route table, which
 * matches prefixes): a method and path not listed here is not reachable, whatever the service would do.
 */
export const ACTION_ROUTES: readonly ActionRoute[] = [
  { method: 'GET', path: '/organisations', action: 'directory.read' },
  { method: 'GET', path: '/organisations/:id', action: 'directory.read' },
  { method: 'GET', path: '/areas', action: 'directory.read' },
  { method: 'GET', path: '/areas/:code', action: 'directory.read' },
  { method: 'POST', path: '/needs', action: 'need.identify' },
  { method: 'GET', path: '/needs', action: 'need.read' },
  { method: 'GET', path: '/needs/:id', action: 'need.read' },
  { method: 'POST', path: '/supports', action: 'support.draft' },
  { method: 'GET', path: '/supports', action: 'support.read' },
  { method: 'GET', path: '/supports/releases', action: 'support.read' },
  { method: 'GET', path: '/supports/:id', action: 'support.read' },
  { method: 'POST', path: '/supports/:id/publish', action: 'support.publish' },
  { method: 'POST', path: '/supports/:id/feedback', action: 'feedback.give' },
  { method: 'GET', path: '/supports/:id/feedback', action: 'feedback.read' },
  { method: 'GET', path: '/organisations/:owner/subscriptions', action: 'subscriptions.read' },
  { method: 'PUT', path: '/organisations/:owner/subscriptions', action: 'subscriptions.change' },
  { method: 'GET', path: '/organisations/:owner/notifications', action: 'inbox.read' },
  { method: 'POST', path: '/organisations/:owner/notifications/read-all', action: 'inbox.mark-read' },
  { method: 'POST', path: '/organisations/:owner/notifications/:id/read', action: 'inbox.mark-read' },
  { method: 'GET', path: '/pipeline', action: 'pipeline.read' },
  { method: 'GET', path: '/events', action: 'events.read' },
];

export interface RequestedAction {
  action: Action;
  /** The organisation the path names as the owner of what is acted on, when it names one. */
  ownerOrganisationId?: string;
}

const compiled = ACTION_ROUTES.map((route) => ({ route, segments: route.path.slice(1).split('/') }));

/** The action a request asks for, or null when no listed route matches it. HEAD reads like GET. */
export function actionOf(method: string, url: string): RequestedAction | null {
  const verb = method === 'HEAD' ? 'GET' : method;
  let path = url.split(/[?#]/, 1)[0];
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  const segments = path.slice(1).split('/');
  for (const { route, segments: pattern } of compiled) {
    if (route.method !== verb || pattern.length !== segments.length) continue;
    if (!pattern.every((part, i) => (part.startsWith(':') ? segments[i] !== '' : part === segments[i]))) continue;
    const ownerAt = pattern.indexOf(':owner');
    return ownerAt < 0
      ? { action: route.action }
      : { action: route.action, ownerOrganisationId: decodeURIComponent(segments[ownerAt]) };
  }
  return null;
}
