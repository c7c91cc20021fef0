import { LRUCache } from 'lru-cache';

export interface Remembering {
  /** Most keys remembered; the least recently used go first, so a caller cycling through keys cannot grow it. */
  maxEntries: number;
  /** How long a found value is answered from memory; 0 remembers nothing (every lookup asks). */
  ttlMs: number;
  /** The clock, for tests. */
  now?: () => number;
}

/** Looks a key up: the value, or null when there is none; throws when it cannot tell. */
export type Lookup<V> = (key: string) => Promise<V | null>;

/**
 * `lookUp`, with what it found remembered for a while. Neither a miss nor a failure is remembered, so a value
 * that appears a moment later, or a source that is back, is seen on the next call; concurrent calls for one
 * key share one lookup.
 */
export function rememberFound<V extends object>(lookUp: Lookup<V>, remembering: Remembering): Lookup<V> {
  const found = new LRUCache<string, V>({
    max: remembering.maxEntries,
    ttl: remembering.ttlMs,
    // Reads the clock on every check instead of once per millisecond, which a test's clock needs.
    ttlResolution: 0,
    ...(remembering.now ? { perf: { now: remembering.now } } : {}),
    // A miss resolves to undefined, which the cache does not keep; a rejection is dropped and rethrown to every caller.
    fetchMethod: async (key) => (await lookUp(key)) ?? undefined,
  });
  // With no TTL, LRUCache keeps entries forever; asking again every time is what 0 means here.
  const forceRefresh = remembering.ttlMs === 0;
  return async (key) => (await found.fetch(key, { forceRefresh })) ?? null;
}
