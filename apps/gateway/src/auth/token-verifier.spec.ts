import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT } from 'jose';
import { authConfigOf, authEnvSchema } from '../config/auth.config';
import { DEV_ALGORITHM, DEV_ISSUER, loadOrCreateDevKey } from './dev-keys';
import { AuthFailure, TokenVerifier } from './token-verifier';

describe('token verifier', () => {
  let keyDir: string;
  let clock: number;
  let verifier: TokenVerifier;
  const config = () => authConfigOf(authEnvSchema.parse({ AUTH_DEV_KEY_DIR: keyDir }), 'development', undefined);
  const silent = { warn: () => undefined } as never;

  const sign = async (expiresInS: number) => {
    const key = loadOrCreateDevKey(keyDir);
    return new SignJWT({ org: 'any' })
      .setProtectedHeader({ alg: DEV_ALGORITHM, kid: key.kid })
      .setIssuer(DEV_ISSUER)
      .setAudience(config().audience)
      .setSubject('anna')
      .setIssuedAt(Math.floor(clock / 1000))
      .setExpirationTime(Math.floor(clock / 1000) + expiresInS)
      .sign(key.privateKey);
  };
  const reason = (promise: Promise<unknown>) =>
    promise.then(
      () => 'accepted',
      (error: AuthFailure) => error.reason,
    );

  beforeEach(() => {
    keyDir = mkdtempSync(join(tmpdir(), 'token-verifier-'));
    clock = Date.now();
    verifier = new TokenVerifier(config(), silent, () => clock);
  });
  afterEach(() => rmSync(keyDir, { recursive: true, force: true }));

  it('answers a token it verified again from memory, and refuses it once it has expired', async () => {
    const token = await sign(60);
    expect((await verifier.verify(token)).claims.sub).toBe('anna');
    expect((await verifier.verify(token)).claims.sub).toBe('anna');
    clock += 61_000 + config().clockToleranceS * 1000;
    expect(await reason(verifier.verify(token))).toBe('token_expired');
  });

  it('remembers a token by all of it: a tampered copy of a verified token is still refused', async () => {
    const token = await sign(60);
    await verifier.verify(token);
    const [header, payload, signature] = token.split('.');
    const flipped = signature[5] === 'A' ? 'B' : 'A';
    const tampered = `${header}.${payload}.${signature.slice(0, 5)}${flipped}${signature.slice(6)}`;
    expect(await reason(verifier.verify(tampered))).toBe('bad_signature');
  });
});
