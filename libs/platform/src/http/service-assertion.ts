import { createHash, createHmac, createSecretKey, KeyObject, timingSafeEqual } from 'node:crypto';
import { OrganisationKind, ORGANISATION_KINDS } from '@styrkedjan/contracts';
import type { Principal } from './request-context';
import { UUID_PATTERN } from './uuid';

/**
 * The header a request to a service carries its assertion in: a compact JWT that says who passed the request on
 * (the gateway, or a service asking another's outbox feed), for which service, for which request, and for whom.
 */
export const ASSERTION_HEADER = 'x-service-assertion';

/** Longest an assertion lives: long enough for a slow hop and a clock a few seconds off, too short to be worth stealing. */
export const ASSERTION_TTL_S = 30;
const CLOCK_TOLERANCE_S = 5;
/** The one header accepted: HS256, as signed here (jose writes the same bytes). */
const HEADER = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
/** The shortest secret accepted: 32 characters, as many bits as HS256's output at the least. */
export const MIN_SECRET_LENGTH = 32;

/** What an assertion is made for: one request, from one issuer, to one service. */
export interface AssertedRequest {
  /** `gateway` for the users' requests it passes on; a service's name for its own calls to another. */
  issuer: string;
  /** The service that is to answer. */
  audience: string;
  method: string;
  /** The request target as the service receives it: path and query string. */
  target: string;
}

export interface Assertion extends AssertedRequest {
  /** Whom the request acts for, as the gateway established it; null for a service's own calls. */
  principal: Principal | null;
}

/** Why an assertion was refused; the reason goes to the log, the client gets a 401. */
export class AssertionFailure extends Error {
  constructor(
    readonly reason:
      | 'missing'
      | 'malformed'
      | 'bad_signature'
      | 'expired'
      | 'wrong_issuer'
      | 'wrong_audience'
      | 'wrong_request'
      | 'bad_actor',
    message: string,
  ) {
    super(message);
  }
}

/** The claims as a token carries them, unchecked until verify has looked at each. */
interface Claims {
  iss?: unknown;
  aud?: unknown;
  iat?: unknown;
  exp?: unknown;
  req?: unknown;
  org?: unknown;
  org_kind?: unknown;
  sub?: unknown;
  amr?: unknown;
}

/**
 * Signs and verifies the short-lived assertions with which the gateway hands requests on, and services call each
 * other: HS256 over a secret every process of one deployment shares (SERVICE_AUTH_SECRET), the key imported once.
 * Checked with node:crypto rather than jose's jwtVerify, which goes through WebCrypto and took ≈150 µs a token here
 * against ≈10 µs: this runs on every request every service answers. The tokens are standard JWTs all the same (the
 * unit test has jose sign one that verifies).
 * An assertion names its issuer, its audience (the one service it is for), expires after ASSERTION_TTL_S, and is
 * bound to its request by a hash of the method and target (`req`), so one taken from a request can be used neither
 * for another route nor at another service. The principal travels as claims (`org`, `org_kind`, `sub`, `amr`); the
 * services read who acts from them and from nothing a client could send.
 */
export class ServiceAssertions {
  private readonly secret: KeyObject | null;

  /**
   * Without a secret (a one-off command: the seed, a migration, a replay) it is there but refuses to sign or verify;
   * a service's HTTP edge refuses to start without one (bootstrap.ts).
   */
  constructor(
    secret: string | undefined,
    /** The clock (milliseconds since the epoch), for tests. */
    private readonly now: () => number = Date.now,
  ) {
    if (secret !== undefined && secret.length < MIN_SECRET_LENGTH)
      throw new Error(`the secret must be at least ${MIN_SECRET_LENGTH} characters`);
    // Imported once: a KeyObject spares every signature and check from reading the secret again.
    this.secret = secret ? createSecretKey(Buffer.from(secret, 'utf8')) : null;
  }

  private key(): KeyObject {
    if (!this.secret) throw new Error('SERVICE_AUTH_SECRET is not set: this process can neither sign nor verify');
    return this.secret;
  }

  /**
   * A compact HS256 JWT (RFC 7519) for the request, signed with node:crypto's HMAC: synchronously, since the gateway
   * signs one for every request it passes on.
   */
  sign(assertion: Assertion): string {
    const secret = this.key();
    const { principal } = assertion;
    const issuedAt = Math.floor(this.now() / 1000);
    const claims = {
      iss: assertion.issuer,
      aud: assertion.audience,
      iat: issuedAt,
      exp: issuedAt + ASSERTION_TTL_S,
      req: requestHash(assertion.method, assertion.target),
      ...(principal
        ? {
            org: principal.organisationId,
            org_kind: principal.organisationKind,
            amr: principal.method,
            ...(principal.userId ? { sub: principal.userId } : {}),
          }
        : {}),
    };
    const signed = `${HEADER}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}`;
    return `${signed}.${createHmac('sha256', secret).update(signed).digest('base64url')}`;
  }

  /**
   * The assertion's principal, once its signature, issuer (one of `issuers`), audience, expiry and request all check
   * out; throws an AssertionFailure naming what did not. Only the exact header this class signs with is accepted, so
   * no other algorithm (`none` above all) can be chosen by whoever made the token.
   */
  verify(
    token: string | undefined,
    expected: { issuers: readonly string[]; audience: string; method: string; target: string },
  ): Assertion {
    if (!token) throw new AssertionFailure('missing', 'The request carries no assertion from the gateway.');
    const secret = this.key();
    const [header, payload, signature, ...rest] = token.split('.');
    if (header !== HEADER || !payload || !signature || rest.length)
      throw new AssertionFailure('malformed', 'The assertion is not a token of the gateway.');
    const given = Buffer.from(signature, 'base64url');
    const computed = createHmac('sha256', secret).update(`${header}.${payload}`).digest();
    if (given.length !== computed.length || !timingSafeEqual(given, computed))
      throw new AssertionFailure('bad_signature', "The assertion's signature does not verify.");
    const claims = parseClaims(payload);
    const now = this.now() / 1000;
    if (
      typeof claims.exp !== 'number' ||
      typeof claims.iat !== 'number' ||
      claims.exp <= now - CLOCK_TOLERANCE_S ||
      claims.exp - claims.iat > ASSERTION_TTL_S ||
      claims.iat > now + CLOCK_TOLERANCE_S
    )
      throw new AssertionFailure('expired', 'The assertion has expired, or is not valid yet.');
    if (typeof claims.iss !== 'string' || !expected.issuers.includes(claims.iss))
      throw new AssertionFailure('wrong_issuer', 'The assertion is from an unexpected issuer.');
    if (claims.aud !== expected.audience)
      throw new AssertionFailure('wrong_audience', 'The assertion is for another service.');
    if (claims.req !== requestHash(expected.method, expected.target))
      throw new AssertionFailure('wrong_request', 'The assertion was made for another request.');
    return {
      issuer: claims.iss,
      audience: expected.audience,
      method: expected.method,
      target: expected.target,
      principal: principalOf(claims),
    };
  }
}

function parseClaims(payload: string): Claims {
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (claims && typeof claims === 'object' && !Array.isArray(claims)) return claims;
  } catch {
    // not JSON: refused below
  }
  throw new AssertionFailure('malformed', 'The assertion is not a token of the gateway.');
}

function requestHash(method: string, target: string): string {
  return createHash('sha256').update(`${method.toUpperCase()} ${target}`).digest('base64url');
}

function principalOf(claims: Claims): Principal | null {
  if (claims.org === undefined) return null;
  const { org, org_kind: kind, sub, amr } = claims;
  if (
    typeof org !== 'string' ||
    !UUID_PATTERN.test(org) ||
    typeof kind !== 'string' ||
    !(ORGANISATION_KINDS as readonly string[]).includes(kind) ||
    (sub !== undefined && typeof sub !== 'string') ||
    typeof amr !== 'string'
  )
    throw new AssertionFailure('bad_actor', 'The assertion names no valid actor.');
  return { organisationId: org, organisationKind: kind as OrganisationKind, userId: sub ?? null, method: amr };
}
