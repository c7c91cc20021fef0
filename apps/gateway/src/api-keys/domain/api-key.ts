import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * An API key is `stk_<id>_<secret>`: the id finds the stored row in one lookup, the secret (256 random
 * bits) proves possession. Only a SHA-256 of the whole key is stored; being random and long, the key
 * needs no slow hash.
 */
export const API_KEY_PREFIX = 'stk_';
const KEY_PATTERN = /^stk_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

export interface NewApiKey {
  id: string;
  key: string;
  hash: Buffer;
}

export function newApiKey(): NewApiKey {
  const id = randomUUID();
  const key = `${API_KEY_PREFIX}${id.replace(/-/g, '')}_${randomBytes(32).toString('base64url')}`;
  return { id, key, hash: hashOf(key) };
}

/** The id a presented key claims, or null when it is not shaped like one of ours. */
export function apiKeyIdOf(key: string): string | null {
  const match = KEY_PATTERN.exec(key);
  if (!match) return null;
  const hex = match[1];
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export function matchesHash(key: string, storedHash: Buffer): boolean {
  const hash = hashOf(key);
  return hash.length === storedHash.length && timingSafeEqual(hash, storedHash);
}

function hashOf(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}

export interface StoredApiKey {
  id: string;
  organisationId: string;
  name: string;
  role: string;
  createdAt: Date;
  createdBy: string | null;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

/** Why a stored key no longer admits anyone, or null when it still does. */
export function unusableBecause(key: StoredApiKey, now: Date): 'revoked' | 'expired' | null {
  if (key.revokedAt) return 'revoked';
  if (key.expiresAt.getTime() <= now.getTime()) return 'expired';
  return null;
}
