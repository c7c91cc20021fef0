import { existsSync } from 'node:fs';
import { z } from 'zod';
import { SERVICE_NAMES, SERVICE_PORTS, type ServiceName } from './services';

// The services' names and ports travel with the configuration, for the modules that read both.
export { SERVICE_NAMES, SERVICE_PORTS, type ServiceName };

/**
 * Background work a service process does besides serving HTTP: relay its outbox, consume its queue.
 * Both unless narrowed, e.g. to run relays apart from the HTTP processes, or none for a one-off command.
 */
export const SERVICE_ROLES = ['relay', 'consumer'] as const;
export type ServiceRole = (typeof SERVICE_ROLES)[number];

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  // Unset: `npm start` and `npm test` run an embedded PostgreSQL and hand its address to every process.
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  DATABASE_POOL_SIZE: int(1, 200).default(10),
  // Unset: `.data/postgres` in the checkout, or, when root runs it there and the server's `postgres` user cannot
  // enter the checkout, /var/tmp/styrkedjan-<checkout>-<hash>/postgres (see database/postgres-user.ts).
  EMBEDDED_POSTGRES_DIR: z.string().min(1).optional(),
  EMBEDDED_POSTGRES_PORT: int(1, 65535).default(54320),
  // Unset: the queues run on PostgreSQL (BullMQ's PostgreSQL backend, schema `bullmq`) instead of Redis.
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  QUEUE_POOL_SIZE: int(2, 100).default(10),
  QUEUE_PREFIX: z
    .string()
    .regex(/^[a-z0-9_-]{1,40}$/)
    .default('styrkedjan'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: int(1, 65535).optional(),
  SERVICE_ROLES: z
    .string()
    .default(SERVICE_ROLES.join(','))
    .transform((value) =>
      value
        .split(',')
        .map((role) => role.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(SERVICE_ROLES))),
  BODY_LIMIT: z
    .string()
    .regex(/^\d+(b|kb|mb)$/)
    .default('64kb'),
  OUTBOX_POLL_MS: int(50, 60_000).default(1000),
  OUTBOX_BATCH_SIZE: int(1, 5000).default(500),
  OUTBOX_RETENTION_HOURS: int(1, 24 * 365).default(72),
  // An outbox whose oldest unpublished event is older than this makes the service degraded (/health/ready).
  OUTBOX_LAG_DEGRADED_S: int(1, 86_400).default(60),
  CONSUMER_CONCURRENCY: int(1, 500).default(16),
  CONSUMER_ATTEMPTS: int(1, 100).default(10),
  CONSUMER_BACKOFF_MS: int(10, 600_000).default(1000),
  CONSUMER_LOCK_MS: int(1000, 600_000).default(30_000),
  // Reconciliation: every interval, each consumer compares what its producers published at least the grace
  // ago with what it processed, and re-offers the difference. Both at most 10 minutes, so outbox retention
  // (an hour at least) always covers the window.
  RECONCILE_INTERVAL_MS: int(1000, 600_000).default(30_000),
  RECONCILE_GRACE_MS: int(500, 600_000).default(30_000),
  RECONCILE_BATCH_SIZE: int(10, 10_000).default(1000),
  // The secret the gateway signs the assertion it hands each request on with, and services their calls to each
  // other (http/service-assertion.ts). Required by every service's HTTP edge; `npm start` and the test harness make
  // one per start.
  SERVICE_AUTH_SECRET: z.string().min(32).max(1000).optional(),
  ...Object.fromEntries(
    SERVICE_NAMES.map((name) => [
      `${name.toUpperCase()}_URL`,
      z.url().default(`http://127.0.0.1:${SERVICE_PORTS[name]}`),
    ]),
  ),
});

/** The configuration of a launcher (`npm start`, the test harness), which may still have to provide a database. */
export type LauncherConfig = Omit<z.infer<typeof envSchema>, `${Uppercase<ServiceName>}_URL`> & {
  serviceUrls: Record<ServiceName, string>;
};

/** The configuration of a process that uses the database: a service, the seed, a replay. */
export type PlatformConfig = LauncherConfig & { DATABASE_URL: string };

export class ConfigError extends Error {}

/** One message naming every bad variable of a failed parse. */
export function configErrorOf(error: z.ZodError): ConfigError {
  const problems = error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  return new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
}

/**
 * Defaults that differ for one service; the environment still wins. The pipeline's consumer (under the event
 * log's position lock, see RecordEventConsumer) and the supports consumer of need.identified take what is
 * waiting as one batch, so the jobs in flight are what a batch can hold; they wait in memory, not on pool
 * connections. At 16, one slow commit (a cold start's first ones) left supports behind at 1,000 events/s for
 * good: 16 per commit could not catch up (docs/benchmark.md has the figures).
 */
const SERVICE_DEFAULTS: Partial<Record<ServiceName, NodeJS.ProcessEnv>> = {
  pipeline: { CONSUMER_CONCURRENCY: '64' },
  supports: { CONSUMER_CONCURRENCY: '64' },
};

/**
 * Reads and checks the environment (for one service, over that service's own defaults); a bad or missing
 * variable stops the process with its name.
 */
export function parseConfig(env: NodeJS.ProcessEnv = process.env, service?: ServiceName): PlatformConfig {
  if (env === process.env) loadEnvFile();
  const config = parseLauncherConfig(service ? { ...SERVICE_DEFAULTS[service], ...definedOnly(env) } : env);
  if (!config.DATABASE_URL) {
    throw new ConfigError(
      'Invalid configuration:\n  DATABASE_URL: required for a service on its own (`npm start` runs an embedded PostgreSQL when it is unset)',
    );
  }
  return config as PlatformConfig;
}

/** As parseConfig, but DATABASE_URL may be missing: the launcher then starts the embedded PostgreSQL. */
export function parseLauncherConfig(env: NodeJS.ProcessEnv = process.env): LauncherConfig {
  if (env === process.env) loadEnvFile();
  const result = envSchema.safeParse(env);
  if (!result.success) throw configErrorOf(result.error);
  const data = result.data as Record<string, unknown>;
  const serviceUrls = Object.fromEntries(
    SERVICE_NAMES.map((name) => [name, String(data[`${name.toUpperCase()}_URL`]).replace(/\/$/, '')]),
  ) as Record<ServiceName, string>;
  return { ...(result.data as unknown as LauncherConfig), serviceUrls };
}

/** The port a launched service listens on: its <SERVICE>_URL's, so the gateway finds it there. */
export function launchPortOf(config: Pick<LauncherConfig, 'serviceUrls'>, name: ServiceName): number {
  return Number(new URL(config.serviceUrls[name]).port) || SERVICE_PORTS[name];
}

export const PLATFORM_CONFIG = Symbol('PLATFORM_CONFIG');
export const SERVICE_NAME = Symbol('SERVICE_NAME');

function definedOnly(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined));
}

let envFileLoaded = false;

/** Loads `.env` from the working directory once, when present; variables already set win. */
function loadEnvFile(): void {
  if (envFileLoaded) return;
  envFileLoaded = true;
  if (existsSync('.env')) process.loadEnvFile('.env');
}
