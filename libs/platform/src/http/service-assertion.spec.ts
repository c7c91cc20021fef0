import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import { Assertion, ASSERTION_TTL_S, AssertionFailure, ServiceAssertions } from './service-assertion';

const SECRET = 's'.repeat(48);
const STOCKHOLM = '0b7e5a3c-8f0e-5c52-9d4e-1f2a3b4c5d6e';
const PRINCIPAL = {
  organisationId: STOCKHOLM,
  organisationKind: 'municipality' as const,
  userId: 'anna',
  method: 'jwt',
};
const REQUEST: Assertion = {
  issuer: 'gateway',
  audience: 'needs',
  method: 'POST',
  target: '/needs?x=1',
  principal: PRINCIPAL,
};
const EXPECTED = { issuers: ['gateway'], audience: 'needs', method: 'POST', target: '/needs?x=1' };

describe('service assertions', () => {
  let clock: number;
  let assertions: ServiceAssertions;
  beforeEach(() => {
    clock = Date.parse('2026-12-01T12:00:00Z');
    assertions = new ServiceAssertions(SECRET, () => clock);
  });

  const reason = (token: string | undefined, expected = EXPECTED) => {
    try {
      assertions.verify(token, expected);
    } catch (error) {
      if (error instanceof AssertionFailure) return error.reason;
      throw error;
    }
    return 'accepted';
  };

  it('carries the principal to the service it was made for, for the request it was made for', async () => {
    const verified = assertions.verify(assertions.sign(REQUEST), EXPECTED);
    expect(verified).toEqual(REQUEST);
    const anonymous = assertions.verify(assertions.sign({ ...REQUEST, principal: null }), EXPECTED);
    expect(anonymous.principal).toBeNull();
    const noUser = assertions.verify(
      assertions.sign({ ...REQUEST, principal: { ...PRINCIPAL, userId: null } }),
      EXPECTED,
    );
    expect(noUser.principal).toEqual({ ...PRINCIPAL, userId: null });
  });

  it('refuses a request without one', async () => {
    expect(reason(undefined)).toBe('missing');
    expect(reason('')).toBe('missing');
  });

  it('refuses one that has expired, however little', async () => {
    const token = assertions.sign(REQUEST);
    clock += (ASSERTION_TTL_S + 6) * 1000; // past its expiry and the clock tolerance
    expect(reason(token)).toBe('expired');
  });

  it('refuses one made for another service', async () => {
    expect(reason(assertions.sign({ ...REQUEST, audience: 'supports' }))).toBe('wrong_audience');
  });

  it('refuses one made for another path, query or method', async () => {
    expect(reason(assertions.sign({ ...REQUEST, target: '/needs' }))).toBe('wrong_request');
    expect(reason(assertions.sign({ ...REQUEST, target: '/needs?x=2' }))).toBe('wrong_request');
    expect(reason(assertions.sign({ ...REQUEST, method: 'GET' }))).toBe('wrong_request');
  });

  it('refuses one from an issuer not expected there', async () => {
    const fromService = assertions.sign({ ...REQUEST, issuer: 'notifications' });
    expect(reason(fromService)).toBe('wrong_issuer');
    expect(reason(fromService, { ...EXPECTED, issuers: ['notifications', 'pipeline'] })).toBe('accepted');
  });

  it('refuses one that was tampered with, or signed with another secret', async () => {
    const [header, payload, signature] = assertions.sign(REQUEST).split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, org: '11111111-1111-5111-8111-111111111111' }));
    expect(reason(`${header}.${forged.toString('base64url')}.${signature}`)).toBe('bad_signature');
    const other = new ServiceAssertions('t'.repeat(48), () => clock).sign(REQUEST);
    expect(reason(other)).toBe('bad_signature');
    expect(reason('not.a.token')).toBe('malformed');
  });

  /** A token as any JWT library makes it (jose here), with these claims. */
  const joseToken = (claims: Record<string, unknown>, header: Record<string, unknown> = { alg: 'HS256', typ: 'JWT' }) =>
    new SignJWT({ req: hashOf(), ...claims })
      .setProtectedHeader(header as { alg: string })
      .setIssuer('gateway')
      .setAudience('needs')
      .setIssuedAt(clock / 1000)
      .setExpirationTime(clock / 1000 + 30)
      .sign(Buffer.from(SECRET));

  it('is a standard JWT: one jose signs with the secret verifies', async () => {
    const token = await joseToken({ org: STOCKHOLM, org_kind: 'municipality', amr: 'jwt', sub: 'anna' });
    expect(assertions.verify(token, EXPECTED).principal).toEqual(PRINCIPAL);
  });

  it('refuses an unsigned token, another header, and an actor that is not a valid one', async () => {
    const unsigned = assertions.sign(REQUEST).split('.');
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(reason(`${none}.${unsigned[1]}.`)).toBe('malformed');
    expect(reason(await joseToken({}, { alg: 'HS512' }))).toBe('malformed');
    expect(reason(await joseToken({ org: 'Stockholm', org_kind: 'municipality', amr: 'jwt' }))).toBe('bad_actor');
    expect(reason(await joseToken({ org: STOCKHOLM, org_kind: 'castle', amr: 'jwt' }))).toBe('bad_actor');
  });

  it('refuses one that lives longer than an assertion may, or comes from the future', async () => {
    const long = await new SignJWT({ req: hashOf() })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer('gateway')
      .setAudience('needs')
      .setIssuedAt(clock / 1000)
      .setExpirationTime(clock / 1000 + 3600)
      .sign(Buffer.from(SECRET));
    expect(reason(long)).toBe('expired');
    const early = assertions.sign(REQUEST);
    clock -= 60_000;
    expect(reason(early)).toBe('expired');
  });

  it('refuses to sign or verify without a secret, and a secret too short to be one', async () => {
    const none = new ServiceAssertions(undefined);
    expect(() => none.sign(REQUEST)).toThrow(/SERVICE_AUTH_SECRET/);
    expect(() => none.verify('x.y.z', EXPECTED)).toThrow(/SERVICE_AUTH_SECRET/);
    expect(() => new ServiceAssertions('short')).toThrow(/32/);
  });

  it('verifies in microseconds, not milliseconds', async () => {
    const tokens = Array.from({ length: 2000 }, () => assertions.sign(REQUEST));
    assertions.verify(tokens[0], EXPECTED);
    const started = process.hrtime.bigint();
    for (const token of tokens) assertions.verify(token, EXPECTED);
    const perVerifyUs = Number(process.hrtime.bigint() - started) / 1000 / tokens.length;
    // Measured ≈10 µs on a shared 2-core machine; the bound leaves room for a busy one and for Jest.
    expect(perVerifyUs).toBeLessThan(200);
  });
});

function hashOf(): string {
  return createHash('sha256').update('POST /needs?x=1').digest('base64url');
}
