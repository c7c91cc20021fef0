import { performance } from 'node:perf_hooks';
import { ascending } from './stats';

/**
 * Sends `requests` requests, cycling through `paths`, with `concurrency` in flight at a time; returns the
 * time each took in milliseconds, ascending, and the requests per second achieved.
 */
export async function timeRequests(
  paths: readonly string[],
  requests: number,
  concurrency: number,
  send: (path: string) => Promise<void>,
): Promise<{ sorted: number[]; perSecond: number }> {
  const timings: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < requests) {
      const path = paths[next++ % paths.length];
      const started = performance.now();
      await send(path);
      timings.push(performance.now() - started);
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { sorted: ascending(timings), perSecond: requests / ((performance.now() - started) / 1000) };
}
