import { Logger } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, errors, JWTPayload, JWTVerifyGetKey, jwtVerify } from 'jose';
import type { AuthConfig } from '../config/auth.config';
import { DEV_ALGORITHM, DEV_ISSUER, loadOrCreateDevKey } from './dev-keys';

/** Why a credential was refused: the client sees the message, the security log the reason. */
export class AuthFailure extends Error {
  constructor(
    readonly reason: string,
    message: string,
    /** 503 when the identity provider's keys could not be fetched: not the caller's fault. */
    readonly status: 401 | 503 = 401,
  ) {
    super(message);
  }
}

export interface VerifiedToken {
  claims: JWTPayload;
  method: 'jwt' | 'dev-jwt';
}

/** Tokens remembered as verified; the least recently used go first, so a flood of tokens cannot grow it. */
const VERIFIED_TOKENS_REMEMBERED = 10_000;

interface TrustedIssuer {
  issuer: string;
  keys: JWTVerifyGetKey;
  algorithms: string[];
  method: 'jwt' | 'dev-jwt';
}

/**
 * Checks a bearer token: signature against the trusted issuer's keys (the identity provider's JWKS,
 * fetched, cached and re-fetched on an unknown `kid`, which is how rotation shows up), issuer, audience,
 * expiry and not-before. Unsigned (`alg: none`) and HMAC tokens never pass: only the configured
 * asymmetric algorithms are accepted.
 *
 * The signature check is the costliest step of a request through the gateway, and a client sends the same
 * token with every request until it expires: a token that verified is remembered, by its hash, until its
 * `exp`, so its signature is checked once per token rather than once per request. A key withdrawn from the
 * JWKS therefore stops a token it signed only when that token expires, as it would for any stateless JWT.
 */
export class TokenVerifier {
  private readonly trusted: TrustedIssuer[] = [];
  private readonly verified: LRUCache<string, VerifiedToken>;

  constructor(
    private readonly config: AuthConfig,
    logger = new Logger('TokenVerifier'),
    /** The clock (milliseconds since the epoch), for tests. */
    private readonly now: () => number = Date.now,
  ) {
    this.verified = new LRUCache<string, VerifiedToken>({
      max: VERIFIED_TOKENS_REMEMBERED,
      // Each entry lives until its own token's expiry, read from the same clock on every lookup.
      ttlResolution: 0,
      perf: { now },
    });
    if (config.jwksUrl && config.issuer) {
      this.trusted.push({
        issuer: config.issuer,
        keys: createRemoteJWKSet(new URL(config.jwksUrl), {
          cacheMaxAge: config.jwksCacheMs,
          cooldownDuration: config.jwksCooldownMs,
        }),
        algorithms: config.algorithms,
        method: 'jwt',
      });
    }
    if (config.devTokens) {
      const key = loadOrCreateDevKey(config.devKeyDir);
      this.trusted.push({
        issuer: DEV_ISSUER,
        keys: createLocalJWKSet({ keys: [key.publicJwk] }),
        algorithms: [DEV_ALGORITHM],
        method: 'dev-jwt',
      });
      logger.warn(`development mode: trusting tokens signed by the local key in ${config.devKeyDir} (npm run token)`);
    }
  }

  async verify(token: string): Promise<VerifiedToken> {
    const hash = createHash('sha256').update(token).digest('base64url');
    const remembered = this.verified.get(hash);
    if (remembered) return remembered;
    const verified = await this.verifySignatureAndClaims(token);
    // requiredClaims makes exp present; a token that expires within the millisecond is not worth keeping.
    const ttl = (verified.claims.exp as number) * 1000 - this.now();
    if (ttl > 0) this.verified.set(hash, verified, { ttl });
    return verified;
  }

  private async verifySignatureAndClaims(token: string): Promise<VerifiedToken> {
    let unverifiedIssuer: unknown;
    try {
      unverifiedIssuer = decodeJwt(token).iss;
    } catch {
      throw new AuthFailure('malformed_token', 'The bearer token is not a JWT.');
    }
    // The issuer is only read here to pick the keys; jwtVerify checks it again against the signature.
    const issuer = this.trusted.find((candidate) => candidate.issuer === unverifiedIssuer);
    if (!issuer) throw new AuthFailure('untrusted_issuer', 'The bearer token was not issued by a trusted issuer.');
    try {
      const { payload } = await jwtVerify(token, issuer.keys, {
        issuer: issuer.issuer,
        audience: this.config.audience,
        algorithms: issuer.algorithms,
        clockTolerance: this.config.clockToleranceS,
        requiredClaims: ['exp'],
        currentDate: new Date(this.now()),
      });
      return { claims: payload, method: issuer.method };
    } catch (error) {
      throw failureOf(error);
    }
  }
}

function failureOf(error: unknown): AuthFailure {
  if (error instanceof errors.JWTExpired) return new AuthFailure('token_expired', 'The bearer token has expired.');
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'nbf') return new AuthFailure('token_not_yet_valid', 'The bearer token is not valid yet.');
    return new AuthFailure(`invalid_${error.claim}`, `The bearer token's ${error.claim} claim is not accepted.`);
  }
  if (error instanceof errors.JOSEAlgNotAllowed)
    return new AuthFailure(
      'algorithm_not_allowed',
      'The bearer token is signed with an algorithm that is not accepted.',
    );
  if (error instanceof errors.JWSSignatureVerificationFailed)
    return new AuthFailure('bad_signature', "The bearer token's signature does not verify.");
  if (error instanceof errors.JWKSNoMatchingKey)
    return new AuthFailure('unknown_key', 'The bearer token is signed with a key the issuer does not publish.');
  if (
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid ||
    (error instanceof Error && /fetch|ECONNREFUSED|status code/i.test(error.message))
  ) {
    return new AuthFailure(
      'jwks_unavailable',
      "The identity provider's keys could not be fetched; try again shortly.",
      503,
    );
  }
  return new AuthFailure('invalid_token', 'The bearer token is not valid.');
}
