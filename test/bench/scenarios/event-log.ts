import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import type { BenchContext, Measurement, Scenario } from '../scenario';
import { timeRequests } from '../latency';
import { cpuMs } from '../process-cpu';
import { percentile } from '../stats';

const DIST = join(__dirname, '..', '..', '..');
const SEED = join(DIST, 'test', 'bench', 'seed-event-log.js');
const REPLAY = join(DIST, 'apps', 'pipeline', 'src', 'replay.js');

/** Fills the pipeline's event log up to the wanted number of events (synthetic, inside PostgreSQL). */
async function logOf(context: BenchContext): Promise<void> {
  const { rows } = await context.system.db.query('SELECT count(*)::int AS n FROM pipeline.event_log');
  const missing = context.options.logEvents - rows[0].n;
  if (missing <= 0) return;
  context.log(`appending ${missing} synthetic events to the event log`);
  await context.system.runCommand(SEED, [String(missing)]);
  await context.system.db.query('VACUUM ANALYZE pipeline.event_log');
}

async function replay(context: BenchContext): Promise<{ events: number; eventsPerSecond: number }> {
  const output = await context.system.runCommand(REPLAY, ['pipeline']);
  const line = output
    .trim()
    .split('\n')
    .findLast((text) => text.startsWith('{'));
  if (!line) throw new Error(`replay printed no summary:\n${output}`);
  return JSON.parse(line);
}

/** The raw limit of a rebuild's input: the log read in position order, the columns and batches a replay reads. */
async function readLog(context: BenchContext): Promise<number> {
  const db = new Client({ connectionString: context.system.databaseUrl });
  await db.connect();
  try {
    const started = performance.now();
    let after = 0;
    let events = 0;
    for (;;) {
      const { rows } = await db.query(
        `SELECT position, type, envelope->'aggregate' AS aggregate, (envelope->'payload') - '{description,summary,comment}'::text[] AS payload
         FROM pipeline.event_log WHERE position > $1 ORDER BY position LIMIT 10000`,
        [after],
      );
      if (rows.length === 0) break;
      events += rows.length;
      after = Number(rows[rows.length - 1].position);
    }
    return events / ((performance.now() - started) / 1000);
  } finally {
    await db.end();
  }
}

/** B: `npm run replay -- pipeline` over the log, against reading the same log sequentially. */
export const rebuildScenario: Scenario = {
  id: 'B',
  title: 'rebuild: replay of the pipeline read model',
  figures: (options) => [
    {
      key: 'eventsPerSecond',
      label: `replay -- pipeline, ${options.logEvents.toLocaleString('en')} events`,
      unit: 'events/s',
      baseline: 'raw.eventsPerSecond',
      target: { op: '>=', value: 0.5, ofRatio: true },
    },
  ],
  async setup(context) {
    await context.once('event-log', () => logOf(context));
  },
  async run(context): Promise<Measurement> {
    const result = await replay(context);
    context.log(`B: replayed ${result.events} events`);
    await context.once('read-model', async () => undefined); // R reads what this replay built
    return { eventsPerSecond: result.eventsPerSecond, 'raw.eventsPerSecond': await readLog(context) };
  },
};

/** p50/p99 of GET requests (through the gateway unless `send` says otherwise), after a warm-up, at the given concurrency. */
async function latencies(
  context: BenchContext,
  paths: string[],
  requests: number,
  concurrency: number,
  send: (path: string) => Promise<void> = async (path) =>
    void (await context.gateway.call(context.orgs.stockholm, 'GET', path)),
): Promise<{ p50: number; p99: number }> {
  for (const path of paths) await send(path);
  const { sorted } = await timeRequests(paths, requests, concurrency, send);
  return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
}

/** The same request straight to the pipeline service, with the assertion the gateway would have signed. */
function straightToPipeline(context: BenchContext) {
  const base = context.system.serviceUrl('pipeline');
  const principal = {
    organisationId: context.orgs.stockholm,
    organisationKind: 'municipality' as const,
    userId: 'bench',
    method: 'jwt',
  };
  return async (path: string) => {
    const headers = context.system.assertion('pipeline', 'GET', path, principal);
    const response = await fetch(base + path, { headers });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`GET ${path} straight to the pipeline service: ${response.status}`);
  };
}

/**
 * R: GET /pipeline through the gateway with the log (and the read model built from it) at full size. The
 * target is a request's own latency, so it is judged one request at a time; the same requests with a few
 * in parallel show what queueing behind each other on two cores adds.
 */
export const readScenario: Scenario = {
  id: 'R',
  title: 'read: GET /pipeline',
  figures: (options) => [
    {
      key: 'country.p50',
      label: 'GET /pipeline (whole country), one at a time, p50',
      unit: 'ms',
      baseline: 'raw.country.p50',
      target: { op: '<=', value: 2 },
    },
    {
      key: 'country.p99',
      label: 'GET /pipeline (whole country), one at a time, p99',
      unit: 'ms',
      target: { op: '<=', value: 20 },
    },
    {
      key: 'gateway.cpuMs',
      label: "the gateway's CPU per request, GET /pipeline one at a time",
      unit: 'ms',
      target: { op: '<=', value: 0.5 },
    },
    {
      key: 'area.p50',
      label: 'GET /pipeline?areaCode= (one area), one at a time, p50',
      unit: 'ms',
      target: { op: '<=', value: 2 },
    },
    {
      key: 'area.p99',
      label: 'GET /pipeline?areaCode= (one area), one at a time, p99',
      unit: 'ms',
      target: { op: '<=', value: 20 },
    },
    {
      key: 'parallel.country.p50',
      label: `GET /pipeline (whole country), ${options.readConcurrency} in parallel, p50`,
      unit: 'ms',
    },
    {
      key: 'parallel.country.p99',
      label: `GET /pipeline (whole country), ${options.readConcurrency} in parallel, p99`,
      unit: 'ms',
    },
  ],
  async setup(context) {
    await context.once('event-log', () => logOf(context));
    // The read model must reflect the whole log; B's runs leave it so, otherwise rebuild it once here.
    await context.once('read-model', async () => void (await replay(context)));
  },
  async run(context): Promise<Measurement> {
    const { readRequests, readConcurrency } = context.options;
    const gatewayPid = context.system.processes.get('gateway')?.pid;
    if (!gatewayPid) throw new Error('R: the gateway runs in no process of its own');
    const cpuBefore = cpuMs(gatewayPid);
    const country = await latencies(context, ['/pipeline'], readRequests, 1);
    // Warm-up included: readRequests + 1 requests crossed the gateway while its CPU time was counted.
    const gatewayCpuMs = (cpuMs(gatewayPid) - cpuBefore) / (readRequests + 1);
    const straight = await latencies(context, ['/pipeline'], readRequests, 1, straightToPipeline(context));
    // The synthetic log spreads its stories over 120 areas named area.0 … area.119.
    const area = await latencies(context, ['/pipeline?areaCode=area.7'], readRequests, 1);
    const parallel = await latencies(context, ['/pipeline'], readRequests, readConcurrency);
    return {
      'country.p50': country.p50,
      'raw.country.p50': straight.p50,
      'gateway.cpuMs': gatewayCpuMs,
      'country.p99': country.p99,
      'area.p50': area.p50,
      'area.p99': area.p99,
      'parallel.country.p50': parallel.p50,
      'parallel.country.p99': parallel.p99,
    };
  },
};
