import { assertManagesOwnSubscriptions, NotPermitted, sameOrganisation } from './subscriptions';

const SKANE = '3f0c1b8e-2a4d-4e6f-9a1b-2c3d4e5f6a7b';
const STOCKHOLM = '0b7e5a3c-8f0e-4c52-9d4e-1f2a3b4c5d6e';

describe('subscription rules', () => {
  it('lets an organisation manage only its own subscriptions, whatever the case of its id', () => {
    expect(() => assertManagesOwnSubscriptions(SKANE, SKANE)).not.toThrow();
    expect(() => assertManagesOwnSubscriptions(SKANE.toUpperCase(), SKANE)).not.toThrow();
    expect(() => assertManagesOwnSubscriptions(STOCKHOLM, SKANE)).toThrow(NotPermitted);
    expect(sameOrganisation(STOCKHOLM, SKANE)).toBe(false);
  });
});
