import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { BatchedLimiter } from './batched-limiter';

/** A shared store (rate-limiter-flexible's in-memory one) that counts the round trips made to it. */
class CountingStore extends RateLimiterMemory {
  trips = 0;
  failing = false;

  override consume(key: string | number, points?: number) {
    this.trips++;
    return this.failing ? Promise.reject(new Error('store away')) : super.consume(key, points);
  }

  override penalty(key: string | number, points?: number) {
    this.trips++;
    return this.failing ? Promise.reject(new Error('store away')) : super.penalty(key, points);
  }

  override get(key: string | number) {
    this.trips++;
    return super.get(key);
  }
}

const FLUSH_MS = 100;
const settle = () => new Promise((resolve) => setTimeout(resolve, FLUSH_MS * 3));

function instance(store: CountingStore, failures: Error[] = []): BatchedLimiter {
  return new BatchedLimiter(store, { flushMs: FLUSH_MS, headroom: 0.1 }, (error) => failures.push(error));
}

async function outcomes(limiter: BatchedLimiter, key: string, requests: number): Promise<string[]> {
  const results: string[] = [];
  for (let i = 0; i < requests; i++) {
    results.push(
      await limiter.consume(key).then(
        () => 'ok',
        (rejection: unknown) => (rejection instanceof RateLimiterRes ? 'limited' : 'error'),
      ),
    );
  }
  return results;
}

describe('batched limiter', () => {
  it('refuses one instance exactly where the store would: the request after the limit', async () => {
    const store = new CountingStore({ points: 5, duration: 60 });
    const results = await outcomes(instance(store), 'org', 7);
    expect(results).toEqual(['ok', 'ok', 'ok', 'ok', 'ok', 'limited', 'limited']);
    await settle();
    expect((await store.get('org'))?.consumedPoints).toBe(7);
  });

  it('answers each admitted request with the count it was admitted on, for the RateLimit fields', async () => {
    const store = new CountingStore({ points: 100, duration: 60 });
    const limiter = instance(store);
    const remaining: number[] = [];
    for (let i = 0; i < 4; i++) remaining.push((await limiter.consume('org')).remainingPoints);
    expect(remaining).toEqual([99, 98, 97, 96]);
  });

  it('counts requests far from the limit in memory and adds them to the store in one trip', async () => {
    const store = new CountingStore({ points: 10_000, duration: 60 });
    const results = await outcomes(instance(store), 'org', 500);
    expect(results.every((result) => result === 'ok')).toBe(true);
    expect(store.trips).toBe(1); // the first request of the window, to learn the store's count
    await settle();
    expect(store.trips).toBe(2);
    expect((await store.get('org'))?.consumedPoints).toBe(500);
  });

  it('asks the store once for all the requests that find what it last said too old', async () => {
    const store = new CountingStore({ points: 10_000, duration: 60 });
    const limiter = instance(store);
    await outcomes(limiter, 'org', 10);
    // Flushed, and then quiet for longer than what the store said may be trusted (2 × flushMs after the flush).
    await settle();
    await settle();
    const trips = store.trips;
    await Promise.all(Array.from({ length: 32 }, () => limiter.consume('org')));
    expect(store.trips).toBe(trips + 1);
    await settle();
    expect((await store.get('org'))?.consumedPoints).toBe(42);
  });

  it('shares the count between instances: each learns what the others sent', async () => {
    const store = new CountingStore({ points: 120, duration: 60 });
    const [a, b] = [instance(store), instance(store)];
    await outcomes(a, 'org', 50);
    await outcomes(b, 'org', 50);
    await settle();
    await settle();
    expect((await store.get('org'))?.consumedPoints).toBe(100);
    // a heard from the store too long ago to trust it: its next request asks, and learns b's 50 as well.
    const results = await outcomes(a, 'org', 25);
    expect(results.filter((result) => result === 'ok')).toHaveLength(20);
    expect(results.slice(20)).toEqual(['limited', 'limited', 'limited', 'limited', 'limited']);
  });

  it('reports a failed flush and asks the store again on the next request', async () => {
    const store = new CountingStore({ points: 1000, duration: 60 });
    const failures: Error[] = [];
    const limiter = instance(store, failures);
    await outcomes(limiter, 'org', 10);
    store.failing = true;
    await settle();
    expect(failures.map((error) => error.message)).toEqual(['store away']);
    expect(await outcomes(limiter, 'org', 1)).toEqual(['error']);
  });

  it('answers peeks from memory for a moment, and sees its own penalties at once', async () => {
    const store = new CountingStore({ points: 3, duration: 60 });
    const [a, b] = [instance(store), instance(store)];
    expect((await a.peek('10.0.0.1')).consumedPoints).toBe(0);
    expect((await a.peek('10.0.0.1')).consumedPoints).toBe(0);
    expect(store.trips).toBe(1);
    await a.penalty('10.0.0.1');
    expect((await a.peek('10.0.0.1')).consumedPoints).toBe(1);
    await b.penalty('10.0.0.1');
    await settle();
    const seen = await a.peek('10.0.0.1');
    expect(seen.consumedPoints).toBe(2);
    expect(seen.msBeforeNext).toBeGreaterThan(0);
  });
});
