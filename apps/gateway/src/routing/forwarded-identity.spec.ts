import { setForwardedIdentity } from './forwarded-identity';

describe('forwarded identity', () => {
  it('replaces whatever the client sent as an assertion or x-actor-*, and keeps credentials from the services', () => {
    const headers: Record<string, string> = {
      authorization: 'Bearer eyJ.x.y',
      'x-api-key': 'stk_secret',
      'x-actor-organisation-id': 'forged',
      'x-actor-roles': 'admin',
      'x-service-assertion': 'forged.assertion.sig',
      accept: 'application/json',
    };
    setForwardedIdentity(headers, 'signed.by.gateway');
    expect(headers).toEqual({ accept: 'application/json', 'x-service-assertion': 'signed.by.gateway' });
  });
});
