import { z } from 'zod';
import { DEV_OPERATOR_ORGANISATION } from '@styrkedjan/access';
import { ConfigError } from '@styrkedjan/platform';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const flag = z.enum(['true', 'false']).transform((value) => value === 'true');
const claimName = z.string().regex(/^[A-Za-z0-9_:./-]{1,100}$/);
/** Asymmetric algorithms only: `none` and the HMAC family (a shared secret) are never accepted. */
export const ACCEPTABLE_ALGORITHMS = [
  'RS256',
  'RS384',
  'RS512',
  'PS256',
  'PS384',
  'PS512',
  'ES256',
  'ES384',
  'ES512',
  'EdDSA',
] as const;

/** Authentication, API keys and limits: read by the gateway only. */
export const authEnvSchema = z.object({
  AUTH_JWKS_URL: z.url({ protocol: /^https?$/ }).optional(),
  AUTH_ISSUER: z.string().min(1).max(500).optional(),
  AUTH_AUDIENCE: z.string().min(1).max(500).default('styrkedjan'),
  AUTH_ALGORITHMS: z
    .string()
    .default('RS256,PS256,ES256,EdDSA')
    .transform((value) =>
      value
        .split(',')
        .map((name) => name.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(ACCEPTABLE_ALGORITHMS)).min(1)),
  AUTH_CLOCK_TOLERANCE_S: int(0, 300).default(5),
  AUTH_JWKS_CACHE_MS: int(1000, 24 * 3_600_000).default(600_000),
  AUTH_JWKS_COOLDOWN_MS: int(0, 3_600_000).default(30_000),
  AUTH_USER_CLAIM: claimName.default('sub'),
  AUTH_ORGANISATION_CLAIM: claimName.default('org_id'),
  AUTH_ROLES_CLAIM: claimName.default('roles'),
  AUTH_DEV_TOKENS: flag.optional(),
  AUTH_DEV_KEY_DIR: z.string().min(1).default('.data/dev-keys'),
  API_KEY_DEFAULT_DAYS: int(1, 3650).default(90),
  API_KEY_MAX_DAYS: int(1, 3650).default(365),
  RATE_LIMIT_STORE: z.enum(['auto', 'redis', 'postgres']).default('auto'),
  RATE_LIMIT_WINDOW_S: int(1, 3600).default(60),
  RATE_LIMIT_ORGANISATION: int(1, 10_000_000).default(1200),
  RATE_LIMIT_KEY: int(1, 10_000_000).default(600),
  RATE_LIMIT_AUTH_FAILURES: int(1, 10_000_000).default(30),
  // The organisation that runs the platform: only its principals may hold platform_operator. Unset: nobody does.
  // Empty is unset, as compose passes an operator's blank.
  PLATFORM_OPERATOR_ORGANISATION_ID: z.uuid().or(z.literal('')).optional(),
});

export interface AuthConfig {
  /** Identity provider: tokens signed by a key in this JWKS, from this issuer, for this audience. */
  jwksUrl: string | undefined;
  issuer: string | undefined;
  audience: string;
  algorithms: string[];
  clockToleranceS: number;
  jwksCacheMs: number;
  jwksCooldownMs: number;
  claims: { user: string; organisation: string; roles: string };
  /** Development mode: trust tokens signed by the local key in devKeyDir (`npm run token`). Never in production. */
  devTokens: boolean;
  devKeyDir: string;
  apiKeyDefaultDays: number;
  apiKeyMaxDays: number;
  /** auto: Redis when REDIS_URL is set, else PostgreSQL. */
  rateLimitStore: 'auto' | 'redis' | 'postgres';
  rateLimit: { windowS: number; organisation: number; key: number; authFailures: number };
  /** The directory id of the operating organisation, lower case; null when no one may act as platform operator. */
  operatorOrganisationId: string | null;
}

export function authConfigOf(
  env: z.infer<typeof authEnvSchema>,
  nodeEnv: string,
  redisUrl: string | undefined,
): AuthConfig {
  const devTokens = env.AUTH_DEV_TOKENS ?? nodeEnv === 'development';
  const problems: string[] = [];
  if (devTokens && nodeEnv === 'production')
    problems.push('AUTH_DEV_TOKENS: development tokens are never trusted when NODE_ENV=production');
  if (env.AUTH_JWKS_URL && !env.AUTH_ISSUER)
    problems.push('AUTH_ISSUER: required with AUTH_JWKS_URL (the issuer its tokens must name)');
  if (env.RATE_LIMIT_STORE === 'redis' && !redisUrl) problems.push('RATE_LIMIT_STORE: redis needs REDIS_URL');
  if (env.API_KEY_DEFAULT_DAYS > env.API_KEY_MAX_DAYS)
    problems.push('API_KEY_DEFAULT_DAYS: must not exceed API_KEY_MAX_DAYS');
  if (problems.length) throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  return {
    jwksUrl: env.AUTH_JWKS_URL,
    issuer: env.AUTH_ISSUER,
    audience: env.AUTH_AUDIENCE,
    algorithms: env.AUTH_ALGORITHMS,
    clockToleranceS: env.AUTH_CLOCK_TOLERANCE_S,
    jwksCacheMs: env.AUTH_JWKS_CACHE_MS,
    jwksCooldownMs: env.AUTH_JWKS_COOLDOWN_MS,
    claims: { user: env.AUTH_USER_CLAIM, organisation: env.AUTH_ORGANISATION_CLAIM, roles: env.AUTH_ROLES_CLAIM },
    devTokens,
    devKeyDir: env.AUTH_DEV_KEY_DIR,
    apiKeyDefaultDays: env.API_KEY_DEFAULT_DAYS,
    apiKeyMaxDays: env.API_KEY_MAX_DAYS,
    rateLimitStore: env.RATE_LIMIT_STORE,
    rateLimit: {
      windowS: env.RATE_LIMIT_WINDOW_S,
      organisation: env.RATE_LIMIT_ORGANISATION,
      key: env.RATE_LIMIT_KEY,
      authFailures: env.RATE_LIMIT_AUTH_FAILURES,
    },
    operatorOrganisationId:
      env.PLATFORM_OPERATOR_ORGANISATION_ID?.toLowerCase() ||
      (nodeEnv === 'development' ? DEV_OPERATOR_ORGANISATION.id : null),
  };
}
