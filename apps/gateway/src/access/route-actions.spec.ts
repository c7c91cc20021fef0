import { ACTIONS } from '@styrkedjan/access';
import { resolveRoute } from '../routing/routes';
import { ACTION_ROUTES, actionOf } from './route-actions';

const ID = '0b7e5a3c-8f0e-4c52-9d4e-1f2a3b4c5d6e';
const ORG = '5e2c1c7a-4d3b-5a41-9f1e-2b3c4d5e6f70';

describe('route actions', () => {
  it.each([
    ['GET', '/organisations?kind=region', { action: 'directory.read' }],
    ['GET', `/organisations/${ID}`, { action: 'directory.read' }],
    ['HEAD', '/areas/health.primary-care', { action: 'directory.read' }],
    ['POST', '/needs', { action: 'need.identify' }],
    ['GET', '/needs/', { action: 'need.read' }],
    ['GET', '/supports/releases?from=2027-01-01', { action: 'support.read' }],
    ['POST', `/supports/${ID}/publish`, { action: 'support.publish' }],
    ['POST', `/supports/${ID}/feedback`, { action: 'feedback.give' }],
    ['PUT', `/organisations/${ORG}/subscriptions`, { action: 'subscriptions.change', ownerOrganisationId: ORG }],
    ['GET', `/organisations/${ORG}/notifications?unread=true`, { action: 'inbox.read', ownerOrganisationId: ORG }],
    ['POST', `/organisations/${ORG}/notifications/${ID}/read`, { action: 'inbox.mark-read', ownerOrganisationId: ORG }],
    ['POST', `/organisations/${ORG}/notifications/read-all`, { action: 'inbox.mark-read', ownerOrganisationId: ORG }],
    ['GET', '/events?after=0', { action: 'events.read' }],
  ])('%s %s asks for %o', (method, url, expected) => {
    expect(actionOf(method, url)).toEqual(expected);
  });

  it.each([
    ['DELETE', `/needs/${ID}`],
    ['PUT', '/needs'],
    ['GET', `/supports/${ID}/publish`],
    ['POST', `/organisations/${ORG}/notifications`],
    ['GET', `/organisations/${ORG}/subscriptions/extra`],
    ['GET', '/organisations//subscriptions'],
    ['GET', '/nope'],
  ])('%s %s asks for nothing reachable', (method, url) => {
    expect(actionOf(method, url)).toBeNull();
  });

  it('lists only routes some service answers, and only actions the policy knows', () => {
    for (const route of ACTION_ROUTES) {
      expect(resolveRoute(route.path.replace(/:[^/]+/g, 'x'))).not.toBeNull();
      expect(ACTIONS).toContain(route.action);
    }
  });
});
