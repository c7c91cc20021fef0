import { timeRequests } from './latency';
import { percentile } from './stats';

/**
 * Latency of GET /pipeline against a running service: `node dist/test/bench/pipeline-latency.js
 * http://127.0.0.1:3106 2000 4` (base URL, requests, concurrency). Mixes the unfiltered view, area and
 * sector filters and second pages, and prints percentiles in milliseconds.
 */
async function measure(base: string, requests: number, concurrency: number): Promise<void> {
  const first = (await (await fetch(`${base}/pipeline?limit=50`)).json()) as {
    needs: { nextCursor: string };
    supports: { nextCursor: string };
  };
  const paths = [
    '/pipeline',
    '/pipeline?limit=200',
    '/pipeline?sector=health',
    '/pipeline?sector=education&limit=100',
    ...Array.from({ length: 20 }, (_, i) => `/pipeline?areaCode=area.${i * 6}`),
    `/pipeline?needsCursor=${first.needs.nextCursor}&supportsCursor=${first.supports.nextCursor}`,
    '/pipeline?areaCode=area.7&sector=education',
  ];
  const get = async (path: string) => {
    const response = await fetch(base + path);
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
  };
  for (const path of paths) await get(path); // warm up
  const { sorted, perSecond } = await timeRequests(paths, requests, concurrency, get);
  const at = (q: number) => Number(percentile(sorted, q).toFixed(2));
  console.log(
    JSON.stringify({
      requests,
      concurrency,
      perSecond: Math.round(perSecond),
      p50: at(0.5),
      p95: at(0.95),
      p99: at(0.99),
      max: at(1),
    }),
  );
}

const [base = 'http://127.0.0.1:3006', requests = '2000', concurrency = '4'] = process.argv.slice(2);
measure(base.replace(/\/$/, ''), Number(requests), Number(concurrency)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
