import { apiKeyIdOf, matchesHash, newApiKey, unusableBecause } from './api-key';

describe('API keys', () => {
  it('carry their id and match only their own hash', () => {
    const one = newApiKey();
    const two = newApiKey();
    expect(one.key).toMatch(/^stk_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    expect(apiKeyIdOf(one.key)).toBe(one.id);
    expect(matchesHash(one.key, one.hash)).toBe(true);
    expect(matchesHash(two.key, one.hash)).toBe(false);
    expect(matchesHash(`${one.key.slice(0, -1)}x`, one.hash)).toBe(false);
  });

  it('refuse anything not shaped like a key', () => {
    for (const bad of [
      '',
      'stk_',
      'stk_abc_def',
      `stk_${'g'.repeat(32)}_${'a'.repeat(43)}`,
      `Bearer stk_${'a'.repeat(32)}_${'a'.repeat(43)}`,
    ]) {
      expect(apiKeyIdOf(bad)).toBeNull();
    }
  });

  it('stop working when revoked or expired', () => {
    const now = new Date('2030-01-01T00:00:00Z');
    const key = {
      id: 'x',
      organisationId: 'o',
      name: 'n',
      role: 'municipality',
      createdAt: now,
      createdBy: null,
      expiresAt: new Date('2030-02-01T00:00:00Z'),
      lastUsedAt: null,
      revokedAt: null,
    };
    expect(unusableBecause(key, now)).toBeNull();
    expect(unusableBecause({ ...key, expiresAt: now }, now)).toBe('expired');
    expect(unusableBecause({ ...key, revokedAt: now }, now)).toBe('revoked');
  });
});
