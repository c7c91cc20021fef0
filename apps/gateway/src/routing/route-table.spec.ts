import { ACTIONS } from '@styrkedjan/access';
import { BACKEND_ROUTES, BACKEND_SERVICES, matchRoute, serviceOfDocumentedPath } from './route-table';

const ID = '0b7e5a3c-8f0e-4c52-9d4e-1f2a3b4c5d6e';
const ORG = '5e2c1c7a-4d3b-5a41-9f1e-2b3c4d5e6f70';

describe('route table', () => {
  it.each([
    ['GET', '/organisations?kind=region', 'directory', 'directory.read'],
    ['GET', `/organisations/${ID}`, 'directory', 'directory.read'],
    ['GET', '/areas', 'directory', 'directory.read'],
    ['HEAD', '/areas/health.primary-care', 'directory', 'directory.read'],
    ['POST', '/needs', 'needs', 'need.identify'],
    ['GET', '/needs/', 'needs', 'need.read'],
    ['GET', `/needs/${ID}`, 'needs', 'need.read'],
    ['POST', '/supports', 'supports', 'support.draft'],
    ['GET', '/supports/releases?from=2027-01-01', 'supports', 'support.read'],
    ['GET', `/supports/${ID}`, 'supports', 'support.read'],
    ['POST', `/supports/${ID}/publish`, 'supports', 'support.publish'],
    ['POST', `/supports/${ID}/feedback`, 'feedback', 'feedback.give'],
    ['GET', `/supports/${ID}/feedback?limit=10`, 'feedback', 'feedback.read'],
    ['GET', '/pipeline?areaCode=health.primary-care', 'pipeline', 'pipeline.read'],
    ['GET', '/events?after=0&limit=1000', 'pipeline', 'events.read'],
  ])('sends %s %s to %s, asking for %s', (method, url, service, action) => {
    const matched = matchRoute(method, url);
    expect(matched?.route).toMatchObject({ service, action });
    expect(matched?.ownerOrganisationId).toBeUndefined();
  });

  it.each([
    ['PUT', `/organisations/${ORG}/subscriptions`, 'subscriptions.change'],
    ['GET', `/organisations/${ORG}/subscriptions`, 'subscriptions.read'],
    ['GET', `/organisations/${ORG}/notifications?unread=true`, 'inbox.read'],
    ['POST', `/organisations/${ORG}/notifications/${ID}/read`, 'inbox.mark-read'],
    ['POST', `/organisations/${ORG}/notifications/read-all`, 'inbox.mark-read'],
  ])('sends %s %s to notifications, asking for %s of the organisation in the path', (method, url, action) => {
    expect(matchRoute(method, url)).toEqual({
      route: expect.objectContaining({ service: 'notifications', action }),
      ownerOrganisationId: ORG,
    });
  });

  it.each([
    ['GET', '/'],
    ['GET', ''],
    ['GET', '/nope'],
    ['GET', '/needsx'],
    ['GET', '/organisationsX/1'],
    ['GET', '//needs'],
    ['GET', '/Needs'],
    ['GET', '/health/ready'],
    ['GET', '/admin/dead-letters'],
    ['GET', '/docs-json'],
    ['GET', '/supports/../admin'],
    ['GET', '/needs/%2e%2e/admin'],
    ['DELETE', `/needs/${ID}`],
    ['PUT', '/needs'],
    ['GET', `/supports/${ID}/publish`],
    ['POST', `/organisations/${ORG}/notifications`],
    ['GET', `/organisations/${ORG}/subscriptions/extra`],
    ['GET', '/organisations//subscriptions'],
    ['GET', '/organisations/%E0%A4%A/subscriptions'],
  ])('finds no route for %s %s', (method, url) => {
    expect(matchRoute(method, url)).toBeNull();
  });

  it('lets a literal segment win over a parameter, whatever order the declarations list them in', () => {
    expect(matchRoute('GET', '/supports/releases')?.route.path).toBe('/supports/releases');
  });

  it('finds every declared route by its own path, and only actions the policy knows', () => {
    for (const route of BACKEND_ROUTES) {
      const url = route.path.replace(/:[^/]+/g, ORG);
      expect(matchRoute(route.method, url)?.route).toBe(route);
      expect(ACTIONS).toContain(route.action);
    }
  });

  it('attributes each documented path to the service that declares it', () => {
    expect(serviceOfDocumentedPath('/supports/{id}/feedback')).toBe('feedback');
    expect(serviceOfDocumentedPath('/supports/{id}')).toBe('supports');
    expect(serviceOfDocumentedPath('/health/ready')).toBeUndefined();
  });

  it("routes no service's metrics, health or outbox feed: they are for its own port", () => {
    for (const path of ['/metrics', '/health/ready', '/health/live', '/outbox/feed', '/docs-json']) {
      expect(matchRoute('GET', path)).toBeNull();
    }
  });

  it('knows each service behind the gateway once', () => {
    expect([...BACKEND_SERVICES].sort()).toEqual([
      'consultations',
      'coordination',
      'directory',
      'feedback',
      'needs',
      'notifications',
      'pipeline',
      'supports',
    ]);
  });
});
