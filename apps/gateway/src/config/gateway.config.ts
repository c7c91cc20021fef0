import { DynamicModule, Global, Module } from '@nestjs/common';
import bytes from 'bytes';
import { z } from 'zod';
import { configErrorOf, parseConfig, parseLauncherConfig, ServiceName } from '@styrkedjan/platform';
import { AuthConfig, authConfigOf, authEnvSchema } from './auth.config';

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** What only the gateway reads; the platform's schema covers the rest (URLs, BODY_LIMIT, Redis). */
const gatewayEnvSchema = z.object({
  PROXY_TIMEOUT_MS: int(100, 600_000).default(10_000),
  PRINCIPAL_CACHE_TTL_MS: int(0, 24 * 3_600_000).default(60_000),
  PRINCIPAL_CACHE_SIZE: int(1, 1_000_000).default(10_000),
  MAX_CONNECTIONS: int(1, 1_000_000).default(2_000),
  ...authEnvSchema.shape,
});

export interface GatewayConfig {
  /** How long a service may take to start answering before the client gets 504. */
  proxyTimeoutMs: number;
  principalCacheTtlMs: number;
  principalCacheSize: number;
  /** BODY_LIMIT in bytes: larger declared bodies are refused before they are proxied. */
  bodyLimitBytes: number;
  bodyLimit: string;
  serviceUrls: Record<ServiceName, string>;
  /** Open connections the gateway accepts at once; more are refused by the server. */
  maxConnections: number;
  auth: AuthConfig;
  /** Shared store of the rate limits: Redis when there is one, else PostgreSQL. */
  redisUrl: string | undefined;
  queuePrefix: string;
  databaseUrl: string;
}

export const GATEWAY_CONFIG = Symbol('GATEWAY_CONFIG');

/** Only the authentication settings, for the token command: it needs no database. */
export function parseAuthConfig(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const platform = parseLauncherConfig(env);
  const result = authEnvSchema.safeParse(env);
  if (!result.success) throw configErrorOf(result.error);
  return authConfigOf(result.data, platform.NODE_ENV, platform.REDIS_URL);
}

/** Reads the gateway's settings once and fails fast, naming the bad variable, like the platform config. */
export function parseGatewayConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const platform = parseConfig(env); // first, so `.env` is loaded before the gateway's own variables are read
  const result = gatewayEnvSchema.safeParse(env);
  // Optional: without Redis the rate limits are counted in PostgreSQL.
  const redisUrl = platform.REDIS_URL;
  if (!result.success) throw configErrorOf(result.error);
  return {
    proxyTimeoutMs: result.data.PROXY_TIMEOUT_MS,
    principalCacheTtlMs: result.data.PRINCIPAL_CACHE_TTL_MS,
    principalCacheSize: result.data.PRINCIPAL_CACHE_SIZE,
    // Read as the services' body parser reads it (body-parser's `limit` goes through `bytes`), so both edges agree;
    // the platform's schema has already checked that it is a size.
    bodyLimitBytes: bytes.parse(platform.BODY_LIMIT)!,
    bodyLimit: platform.BODY_LIMIT,
    serviceUrls: platform.serviceUrls,
    maxConnections: result.data.MAX_CONNECTIONS,
    auth: authConfigOf(result.data, platform.NODE_ENV, redisUrl),
    redisUrl,
    queuePrefix: platform.QUEUE_PREFIX,
    databaseUrl: platform.DATABASE_URL,
  };
}

@Global()
@Module({})
export class GatewayConfigModule {
  static forRoot(): DynamicModule {
    // Parsed while the module graph is built, so a bad variable stops the process before anything listens.
    const config = parseGatewayConfig();
    return {
      module: GatewayConfigModule,
      providers: [{ provide: GATEWAY_CONFIG, useValue: config }],
      exports: [GATEWAY_CONFIG],
    };
  }
}
