import { BACKEND_SERVICES, resolveRoute, ROUTES } from './routes';

const ID = '0b7e5a3c-8f0e-4c52-9d4e-1f2a3b4c5d6e';

describe('route table', () => {
  it.each([
    ['/organisations', 'directory'],
    ['/organisations?kind=municipality&limit=200', 'directory'],
    [`/organisations/${ID}`, 'directory'],
    ['/areas', 'directory'],
    ['/areas/health.primary-care', 'directory'],
    ['/needs', 'needs'],
    [`/needs/${ID}`, 'needs'],
    ['/supports', 'supports'],
    ['/supports/releases', 'supports'],
    [`/supports/${ID}`, 'supports'],
    [`/supports/${ID}/publish`, 'supports'],
    [`/supports/${ID}/feedback`, 'feedback'],
    [`/supports/${ID}/feedback?limit=10`, 'feedback'],
    [`/organisations/${ID}/subscriptions`, 'notifications'],
    [`/organisations/${ID}/notifications`, 'notifications'],
    [`/organisations/${ID}/notifications/${ID}/read`, 'notifications'],
    [`/organisations/${ID}/notifications/read-all`, 'notifications'],
    ['/pipeline', 'pipeline'],
    ['/pipeline?areaCode=health.primary-care', 'pipeline'],
    ['/events', 'pipeline'],
    ['/events?after=0&limit=1000', 'pipeline'],
  ])('sends %s to %s', (path, service) => {
    expect(resolveRoute(path)?.service).toBe(service);
  });

  it.each([
    '/',
    '',
    '/nope',
    '/no-such-route',
    '/needsx',
    '/organisationsX/1',
    '//needs',
    '/Needs',
    '/health/ready',
    '/admin/dead-letters',
    '/docs-json',
    '/supports/../admin',
    '/needs/%2e%2e/admin',
  ])('sends %s nowhere', (path) => {
    expect(resolveRoute(path)).toBeNull();
  });

  it('does not take an empty segment for an id', () => {
    expect(resolveRoute('/organisations//subscriptions')?.service).toBe('directory');
  });

  it('puts every more specific route before the route that would shadow it', () => {
    for (const route of ROUTES) expect(resolveRoute(route.path.replace(/:[^/]+/g, 'x'))).toBe(route);
  });

  it('knows each service behind the gateway once', () => {
    expect([...BACKEND_SERVICES].sort()).toEqual([
      'directory',
      'feedback',
      'needs',
      'notifications',
      'pipeline',
      'supports',
    ]);
  });
});
