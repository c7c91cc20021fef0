import { createPrivateKey, createPublicKey, generateKeyPairSync, JsonWebKey, KeyObject, randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** The issuer of development tokens: distinct from any real identity provider's, so the two never mix. */
export const DEV_ISSUER = 'styrkedjan-dev';
export const DEV_ALGORITHM = 'ES256';

export interface DevKey {
  kid: string;
  privateKey: KeyObject;
  publicJwk: JsonWebKey & { kid: string; alg: string; use: 'sig' };
}

/**
 * The locally kept signing key of development mode (`npm run token` signs with it, the gateway trusts it).
 * Made on first use, readable only by its owner, under a gitignored folder. Never used in production:
 * the configuration refuses development tokens there.
 */
export function loadOrCreateDevKey(dir: string): DevKey {
  const file = join(dir, 'signing-key.json');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  try {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const stored = { kid: randomUUID(), alg: DEV_ALGORITHM, jwk: privateKey.export({ format: 'jwk' }) };
    // 'wx': the first writer wins, so a gateway and a token command starting together agree on one key.
    writeFileSync(file, JSON.stringify(stored, null, 2), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const stored = JSON.parse(readFileSync(file, 'utf8')) as { kid: string; jwk: JsonWebKey };
  const privateKey = createPrivateKey({ key: stored.jwk, format: 'jwk' });
  const publicJwk = {
    ...createPublicKey(privateKey).export({ format: 'jwk' }),
    kid: stored.kid,
    alg: DEV_ALGORITHM,
    use: 'sig' as const,
  };
  return { kid: stored.kid, privateKey, publicJwk };
}
