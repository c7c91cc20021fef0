import { setForwardedIdentity } from './forwarded-identity';

describe('forwarded identity', () => {
  it('replaces whatever the client sent as x-actor-* and keeps credentials from the services', () => {
    const headers: Record<string, string> = {
      authorization: 'Bearer eyJ.x.y',
      'x-api-key': 'stk_secret',
      'x-actor-organisation-id': 'forged',
      'x-actor-roles': 'admin',
      accept: 'application/json',
    };
    setForwardedIdentity(headers, { organisationId: 'org', organisationKind: 'region', userId: 'anna', method: 'jwt' });
    expect(headers).toEqual({
      accept: 'application/json',
      'x-actor-organisation-id': 'org',
      'x-actor-organisation-kind': 'region',
      'x-actor-user-id': 'anna',
      'x-actor-method': 'jwt',
    });
  });
});
