import { createHash } from 'node:crypto';
import type { OrganisationKind } from '@styrkedjan/contracts';

/**
 * Namespace of every id the directory derives. Fixed forever: changing it would give every organisation
 * a new id, orphaning the references other services hold.
 */
export const DIRECTORY_ID_NAMESPACE = '3f3c6940-483c-4c7b-8fbd-c1fb3523fb01';

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A name-based UUID, version 5 (SHA-1), as RFC 9562 section 5.5 defines it. */
export function uuidV5(name: string, namespace: string): string {
  if (!UUID_PATTERN.test(namespace)) throw new Error(`namespace is not a UUID: ${namespace}`);
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Derived, not random, so that seeding is idempotent and an organisation has the same id on every machine. */
export function organisationIdOf(kind: OrganisationKind, code: string): string {
  return uuidV5(`${kind}:${code}`, DIRECTORY_ID_NAMESPACE);
}
