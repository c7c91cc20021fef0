import { ConfigError } from '@styrkedjan/platform';
import { authConfigOf, authEnvSchema } from './auth.config';

/** `redisUrl` '' stands for a system without Redis. */
const parse = (env: Record<string, string>, nodeEnv = 'test', redisUrl = 'redis://127.0.0.1:6379') =>
  authConfigOf(authEnvSchema.parse(env), nodeEnv, redisUrl || undefined);

describe('authentication configuration', () => {
  it('trusts development tokens in development only, unless told otherwise outside production', () => {
    expect(parse({}, 'development').devTokens).toBe(true);
    expect(parse({}, 'test').devTokens).toBe(false);
    expect(parse({}, 'production').devTokens).toBe(false);
    expect(parse({ AUTH_DEV_TOKENS: 'true' }, 'test').devTokens).toBe(true);
    expect(parse({ AUTH_DEV_TOKENS: 'false' }, 'development').devTokens).toBe(false);
  });

  it('refuses development tokens in production, naming the variable', () => {
    expect(() => parse({ AUTH_DEV_TOKENS: 'true' }, 'production')).toThrow(ConfigError);
    expect(() => parse({ AUTH_DEV_TOKENS: 'true' }, 'production')).toThrow(/AUTH_DEV_TOKENS/);
  });

  it('needs the issuer with a JWKS, and Redis for a Redis store', () => {
    expect(() => parse({ AUTH_JWKS_URL: 'https://idp.example.org/jwks' })).toThrow(/AUTH_ISSUER/);
    expect(
      parse({ AUTH_JWKS_URL: 'https://idp.example.org/jwks', AUTH_ISSUER: 'https://idp.example.org/' }).jwksUrl,
    ).toBe('https://idp.example.org/jwks');
    expect(() => parse({ RATE_LIMIT_STORE: 'redis' }, 'test', '')).toThrow(/RATE_LIMIT_STORE/);
    expect(parse({}, 'test', '').rateLimitStore).toBe('auto');
  });

  it('accepts asymmetric algorithms only', () => {
    expect(parse({ AUTH_ALGORITHMS: 'ES256, RS256' }).algorithms).toEqual(['ES256', 'RS256']);
    for (const bad of ['none', 'HS256', 'RS256,HS512', '']) {
      expect(authEnvSchema.safeParse({ AUTH_ALGORITHMS: bad }).success).toBe(false);
    }
  });

  it('reads claim names, limits and key lifetimes with defaults', () => {
    const config = parse({ AUTH_ROLES_CLAIM: 'https://styrkedjan.se/roles', RATE_LIMIT_ORGANISATION: '10' });
    expect(config.claims).toEqual({ user: 'sub', organisation: 'org_id', roles: 'https://styrkedjan.se/roles' });
    expect(config.rateLimit).toEqual({ windowS: 60, organisation: 10, key: 600, authFailures: 30 });
    expect(() => parse({ API_KEY_DEFAULT_DAYS: '400' })).toThrow(/API_KEY_DEFAULT_DAYS/);
    expect(authEnvSchema.safeParse({ AUTH_ORGANISATION_CLAIM: 'has space' }).success).toBe(false);
  });
});
