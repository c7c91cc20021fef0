import { HttpStatus, Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import IORedis from 'ioredis';
import { Pool } from 'pg';
import { RateLimiterAbstract, RateLimiterPostgres, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { ProblemException } from '@styrkedjan/platform';
import { GATEWAY_CONFIG, GatewayConfig } from '../config/gateway.config';
import type { Caller } from '../auth/principal';

/**
 * Per-organisation, per-key and per-address (failed sign-ins) limits, counted in a store every gateway
 * instance shares: Redis when the system has one, else a table in PostgreSQL. Over the limit is a 429
 * with Retry-After.
 */
@Injectable()
export class RateLimits implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(RateLimits.name);
  private organisations: RateLimiterAbstract;
  private keys: RateLimiterAbstract;
  private failures: RateLimiterAbstract;
  private redis?: IORedis;
  private pool?: Pool;

  constructor(@Inject(GATEWAY_CONFIG) private readonly config: GatewayConfig) {}

  async onModuleInit(): Promise<void> {
    const { windowS, organisation, key, authFailures } = this.config.auth.rateLimit;
    const store =
      this.config.auth.rateLimitStore === 'auto'
        ? this.config.redisUrl
          ? 'redis'
          : 'postgres'
        : this.config.auth.rateLimitStore;
    if (store === 'redis' && this.config.redisUrl) {
      this.redis = new IORedis(this.config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
      // While Redis is away every request logs that its limit could not be counted; the reconnects need no more.
      this.redis.on('error', () => undefined);
      const make = (keyPrefix: string, points: number) =>
        new RateLimiterRedis({
          storeClient: this.redis,
          keyPrefix: `${this.config.queuePrefix}:rl:${keyPrefix}`,
          points,
          duration: windowS,
        });
      [this.organisations, this.keys, this.failures] = [
        make('org', organisation),
        make('key', key),
        make('fail', authFailures),
      ];
    } else {
      // Every request of an organisation counts on one row, so each waited for the one before it to flush its
      // commit. A counter lost in a crash is harmless: these commits do not wait for the disk.
      this.pool = new Pool({
        connectionString: this.config.databaseUrl,
        max: 4,
        application_name: 'styrkedjan-gateway-limits',
        options: '-c synchronous_commit=off',
      });
      // An idle connection dropped by a restarting PostgreSQL is replaced on next use; unheard, it would crash the gateway.
      this.pool.on('error', (error) => this.logger.warn(`rate limit store connection lost: ${error.message}`));
      // One after another: each creates the shared table if missing, and concurrent CREATEs would race.
      this.organisations = await postgresLimiter(this.pool, 'org', organisation, windowS);
      this.keys = await postgresLimiter(this.pool, 'key', key, windowS);
      this.failures = await postgresLimiter(this.pool, 'fail', authFailures, windowS);
    }
    this.logger.log(`rate limits counted in ${this.redis ? 'Redis' : 'PostgreSQL'}`);
  }

  async onApplicationShutdown(): Promise<void> {
    this.redis?.disconnect();
    await this.pool?.end();
  }

  /** Counts a request of an authenticated caller: against its organisation and, for a key, the key too. */
  async consume(caller: Caller, response: FastifyReply): Promise<void> {
    await this.take(this.organisations, caller.organisationId, response);
    // A key's own counters are announced when it has one: they are the tighter of the two for its calls.
    if (caller.apiKeyId) await this.take(this.keys, caller.apiKeyId, response);
  }

  /** Refuses an address that failed to authenticate too often within the window, before checking again. */
  async refuseIfFailingTooOften(ip: string, response: FastifyReply): Promise<void> {
    const state = await this.failures.get(ip).catch((error: Error) => {
      this.logger.warn(`rate limit store failed: ${error.message}`);
      return null;
    });
    if (state && state.consumedPoints >= this.config.auth.rateLimit.authFailures) {
      throw tooMany(state, this.config.auth.rateLimit.authFailures, response);
    }
  }

  async failed(ip: string): Promise<void> {
    await this.failures
      .penalty(ip, 1)
      .catch((error: Error) => this.logger.warn(`could not count a failed sign-in: ${error.message}`));
  }

  private async take(limiter: RateLimiterAbstract, key: string, response: FastifyReply): Promise<void> {
    try {
      announce(response, limiter.points, await limiter.consume(key));
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) throw tooMany(rejection, limiter.points, response);
      // A store that does not answer must not take the API down with it.
      this.logger.warn(`rate limit store failed: ${(rejection as Error).message}`);
    }
  }
}

/** The counters as the IETF's RateLimit header fields draft names them, for clients to pace themselves. */
function announce(response: FastifyReply, limit: number, state: RateLimiterRes): void {
  void response.headers({
    'RateLimit-Limit': limit,
    'RateLimit-Remaining': Math.max(0, state.remainingPoints),
    'RateLimit-Reset': Math.ceil(state.msBeforeNext / 1000),
  });
}

function tooMany(state: RateLimiterRes, limit: number, response: FastifyReply): ProblemException {
  const seconds = Math.max(1, Math.ceil(state.msBeforeNext / 1000));
  announce(response, limit, state);
  void response.header('Retry-After', String(seconds));
  return new ProblemException(
    HttpStatus.TOO_MANY_REQUESTS,
    'rate_limited',
    `Too many requests; try again in ${seconds} s.`,
  );
}

function postgresLimiter(
  pool: Pool,
  keyPrefix: string,
  points: number,
  duration: number,
): Promise<RateLimiterPostgres> {
  return new Promise((resolve, reject) => {
    const limiter: RateLimiterPostgres = new RateLimiterPostgres(
      {
        storeClient: pool,
        storeType: 'pool',
        schemaName: 'access',
        tableName: 'rate_limits',
        keyPrefix,
        points,
        duration,
      },
      (error?: Error) => (error ? reject(error) : resolve(limiter)),
    );
  });
}
