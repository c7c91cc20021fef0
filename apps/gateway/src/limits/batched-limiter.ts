import type { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';

export interface Batching {
  /** How long this instance may hold requests it admitted before adding them to the shared count. */
  flushMs: number;
  /** How far below the limit (a share of it, at least one request) every request is counted in the store at once. */
  headroom: number;
  /** The clock, for tests. */
  now?: () => number;
}

/** A key's count as a decision saw it: the store's answer, or what this instance knows of it. */
export type LimitState = Pick<RateLimiterRes, 'consumedPoints' | 'remainingPoints' | 'msBeforeNext'>;

/** What this instance knows of a key's count in the current window. */
interface KeyCount {
  /** The store's count as it last answered, everything every instance had added by then. */
  stored: number;
  /** Admitted here since, not yet added to the store. */
  unsent: number;
  /** When the store's window for the key ends, by this instance's clock. */
  resetsAt: number;
  /** When the store last answered for the key. */
  checkedAt: number;
  flushing?: ReturnType<typeof setTimeout>;
}

/**
 * A limiter in a store every gateway instance shares (Redis, PostgreSQL), counted without a round trip per
 * request while a key is far from its limit: such a request is admitted on what the store said within the last
 * 2 × `flushMs` plus what this instance admitted since, and those are added to the store together within
 * `flushMs` (each flush answers with the store's count, everything the other instances added included). A
 * key's first request, a request after a pause, and every request within `headroom` of the limit is counted in
 * the store at once (with whatever this instance still holds), so one instance alone is refused exactly where
 * the store would refuse it; several together can go over a limit by at most what the others admitted in the
 * last 2 × `flushMs` that the headroom did not absorb.
 */
export class BatchedLimiter {
  private readonly counts = new Map<string, KeyCount>();
  private readonly refreshing = new Map<string, Promise<void>>();
  private readonly now: () => number;
  /** Counted locally while stored + unsent stays below this. */
  private readonly localCeiling: number;
  private readonly sweeping: ReturnType<typeof setInterval>;

  constructor(
    private readonly store: RateLimiterAbstract,
    private readonly batching: Batching,
    /** Where a failed flush is reported: the store is away, and those requests go uncounted. */
    private readonly onFlushFailed: (error: Error) => void,
  ) {
    this.now = batching.now ?? Date.now;
    this.localCeiling = store.points - Math.max(1, Math.ceil(store.points * batching.headroom));
    // Keys whose window is over and who hold nothing are forgotten, so a stream of keys cannot grow the map.
    this.sweeping = setInterval(() => this.sweep(), Math.max(1000, store.duration * 1000));
    this.sweeping.unref();
  }

  get points(): number {
    return this.store.points;
  }

  /**
   * Admits one request of `key` and answers the count it was admitted on; rejects with the store's RateLimiterRes
   * over the limit, or with the store's error.
   */
  async consume(key: string): Promise<LimitState> {
    const now = this.now();
    const count = this.counts.get(key);
    if (count && now < count.resetsAt && count.stored + count.unsent < this.localCeiling) {
      // What the store said must be recent (a flush every flushMs keeps it so while requests keep coming); when
      // it is not, the requests of that moment wait for one answer together, then decide on it.
      if (now - count.checkedAt >= 2 * this.batching.flushMs) {
        await this.refresh(key);
        return this.consume(key);
      }
      count.unsent++;
      count.flushing ??= setTimeout(() => void this.flush(key), this.batching.flushMs);
      return this.stateOf(count, now);
    }
    // Requests held from a window that is over belong to it, not to the one this request opens.
    const unsent = count && now < count.resetsAt ? count.unsent : 0;
    if (count) count.unsent = 0;
    try {
      const state = await this.store.consume(key, 1 + unsent);
      this.learn(key, state);
      return state;
    } catch (rejection) {
      if (isLimiterRes(rejection)) this.learn(key, rejection);
      throw rejection;
    }
  }

  /**
   * The key's count in its window, with what this instance has not yet sent: from memory when the store answered
   * within the last `flushMs` (no count there counts as none until then), else from the store.
   */
  async peek(key: string): Promise<LimitState> {
    let count = this.counts.get(key);
    const now = this.now();
    if (!count || now >= count.resetsAt || now - count.checkedAt >= this.batching.flushMs) {
      await this.refresh(key);
      count = this.counts.get(key);
    }
    if (!count) return { consumedPoints: 0, remainingPoints: this.store.points, msBeforeNext: 0 };
    return this.stateOf(count, this.now());
  }

  private stateOf(count: KeyCount, now: number): LimitState {
    const consumedPoints = count.stored + count.unsent;
    return {
      consumedPoints,
      remainingPoints: Math.max(0, this.store.points - consumedPoints),
      msBeforeNext: Math.max(0, count.resetsAt - now),
    };
  }

  /** Learns the key's count from the store (adding what is held here, if anything): one trip for every caller at once. */
  private refresh(key: string): Promise<void> {
    let refreshing = this.refreshing.get(key);
    if (!refreshing) {
      refreshing = this.pull(key).finally(() => this.refreshing.delete(key));
      this.refreshing.set(key, refreshing);
    }
    return refreshing;
  }

  private async pull(key: string): Promise<void> {
    const count = this.counts.get(key);
    if (count?.unsent) return this.flush(key);
    const state = await this.store.get(key);
    const now = this.now();
    if (state) this.learn(key, state);
    // Nothing stored: none counted anywhere, until flushMs from now.
    else this.counts.set(key, { stored: 0, unsent: 0, resetsAt: now + this.batching.flushMs, checkedAt: now });
  }

  /** Adds `points` to the key's shared count at once (a failed sign-in): rare enough to need no batching. */
  async penalty(key: string, points = 1): Promise<RateLimiterRes> {
    const state = await this.store.penalty(key, points);
    this.learn(key, state);
    return state;
  }

  /** Sends every count still held; the instance is stopping. */
  async flushAll(): Promise<void> {
    clearInterval(this.sweeping);
    await Promise.all([...this.counts.keys()].map((key) => this.flush(key)));
  }

  private async flush(key: string): Promise<void> {
    const count = this.counts.get(key);
    if (!count) return;
    clearTimeout(count.flushing);
    count.flushing = undefined;
    const unsent = count.unsent;
    if (unsent === 0) return;
    count.unsent = 0;
    try {
      this.learn(key, await this.store.penalty(key, unsent));
    } catch (error) {
      // Fail open, as a request does when the store is away; the next request asks the store itself.
      this.counts.delete(key);
      this.onFlushFailed(error as Error);
    }
  }

  /** Takes in what the store answered: within a window its count only grows, whichever answer came back first. */
  private learn(key: string, state: RateLimiterRes): void {
    const now = this.now();
    const resetsAt = now + state.msBeforeNext;
    const count = this.counts.get(key);
    if (!count) {
      this.counts.set(key, { stored: state.consumedPoints, unsent: 0, resetsAt, checkedAt: now });
      return;
    }
    count.stored = now >= count.resetsAt ? state.consumedPoints : Math.max(count.stored, state.consumedPoints);
    count.resetsAt = resetsAt;
    count.checkedAt = now;
  }

  private sweep(): void {
    const now = this.now();
    for (const [key, count] of this.counts) {
      if (now >= count.resetsAt && count.unsent === 0 && !count.flushing) this.counts.delete(key);
    }
  }
}

function isLimiterRes(value: unknown): value is RateLimiterRes {
  return typeof value === 'object' && value !== null && 'msBeforeNext' in value && 'consumedPoints' in value;
}
