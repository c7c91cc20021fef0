import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import type { BenchContext, Measurement, Scenario } from '../scenario';
import { ascending, percentile } from '../stats';

/** What this benchmark reads of autocannon's result (the package ships no types). */
export interface LoadResult {
  requests: { total: number };
  latency: { p50: number; p99: number };
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodeStats?: Record<string, { count: number }>;
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const autocannon: (options: Record<string, unknown>) => Promise<LoadResult> = require('autocannon');

/** A need as a municipality would send it; the raw baseline writes rows and an envelope of the same size. */
export function needBody(n: number) {
  return {
    title: `Tidig upptäckt av depression hos äldre ${n}`,
    description:
      'Primärvården saknar ett gemensamt arbetssätt för att upptäcka depression hos äldre i ordinärt boende.',
    areaCode: 'health.primary-care',
    targetGroups: ['older-people'],
    note: 'i ordinärt boende',
  };
}

/** Load W: POST /needs through the gateway at the given connections for the given seconds. */
export async function postNeeds(context: BenchContext, seconds: number): Promise<LoadResult> {
  const result = await autocannon({
    url: `${context.system.url}/needs`,
    method: 'POST',
    headers: context.gateway.headers(context.orgs.stockholm),
    body: JSON.stringify(needBody(0)),
    connections: context.options.writeConnections,
    duration: seconds,
  });
  const failed = result.non2xx + result.errors + result.timeouts;
  if (failed > 0)
    throw new Error(
      `W: ${failed} of ${result.requests.total} requests failed (non-2xx ${result.non2xx}, errors ${result.errors})`,
    );
  return result;
}

const RAW_SCHEMA = `
  CREATE SCHEMA IF NOT EXISTS bench_raw;
  CREATE TABLE IF NOT EXISTS bench_raw.needs (
    id uuid PRIMARY KEY, organisation_id uuid NOT NULL, title text NOT NULL, description text NOT NULL,
    area_code text NOT NULL, sector text NOT NULL, target_group text NOT NULL, stage text NOT NULL, identified_at timestamptz NOT NULL);
  CREATE INDEX IF NOT EXISTS needs_newest ON bench_raw.needs (identified_at DESC, id DESC);
  CREATE INDEX IF NOT EXISTS needs_area ON bench_raw.needs (area_code, identified_at DESC);
  CREATE INDEX IF NOT EXISTS needs_organisation ON bench_raw.needs (organisation_id, identified_at DESC);
  CREATE TABLE IF NOT EXISTS bench_raw.outbox (
    position bigserial PRIMARY KEY, event_id uuid NOT NULL UNIQUE, type text NOT NULL, envelope jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(), published_at timestamptz);
  CREATE INDEX IF NOT EXISTS outbox_unpublished ON bench_raw.outbox (position) WHERE published_at IS NULL;`;

/**
 * The raw limit of the write path: BEGIN; INSERT the state row; INSERT the outbox row; COMMIT from Node with
 * pg, at the same concurrency and for the same time, with the same tables, indexes and payload.
 */
async function rawStateAndOutbox(
  context: BenchContext,
  seconds: number,
): Promise<{ perSecond: number; p50: number; p99: number }> {
  const { system, options, orgs } = context;
  const pool = new Pool({ connectionString: system.databaseUrl, max: options.writeConnections });
  try {
    await pool.query(RAW_SCHEMA);
    const timings: number[] = [];
    const deadline = performance.now() + seconds * 1000;
    let n = 0;
    const worker = async () => {
      const client = await pool.connect();
      try {
        while (performance.now() < deadline) {
          const started = performance.now();
          const body = needBody(n++);
          const id = randomUUID();
          const at = new Date().toISOString();
          const envelope = {
            id: randomUUID(),
            type: 'need.identified',
            version: 1,
            occurredAt: at,
            producer: 'needs',
            actor: { organisationId: orgs.stockholm, userId: null, method: 'organisation-header' },
            correlationId: randomUUID(),
            causationId: null,
            aggregate: { type: 'need', id, version: 1 },
            payload: { needId: id, organisationId: orgs.stockholm, ...body, sector: 'health', identifiedAt: at },
          };
          await client.query('BEGIN');
          await client.query(
            `INSERT INTO bench_raw.needs (id, organisation_id, title, description, area_code, sector, target_group, stage, identified_at)
             VALUES ($1, $2, $3, $4, $5, 'health', $6, 'identified', $7)`,
            [id, orgs.stockholm, body.title, body.description, body.areaCode, body.targetGroups.join(','), at],
          );
          await client.query('INSERT INTO bench_raw.outbox (event_id, type, envelope) VALUES ($1, $2, $3)', [
            envelope.id,
            envelope.type,
            JSON.stringify(envelope),
          ]);
          await client.query('COMMIT');
          timings.push(performance.now() - started);
        }
      } finally {
        client.release();
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: options.writeConnections }, worker));
    const elapsed = (performance.now() - started) / 1000;
    const sorted = ascending(timings);
    return { perSecond: timings.length / elapsed, p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
  } finally {
    await pool.query('TRUNCATE bench_raw.needs, bench_raw.outbox').catch(() => undefined);
    await pool.end();
  }
}

export const writeScenario: Scenario = {
  id: 'W',
  title: 'write path: POST /needs through the gateway',
  figures: (options) => [
    {
      key: 'rps',
      label: `POST /needs, ${options.writeConnections} connections`,
      unit: 'req/s',
      baseline: 'raw.rps',
      target: { op: '>=', value: 0.25, ofRatio: true },
    },
    { key: 'p50', label: 'POST /needs p50', unit: 'ms', baseline: 'raw.p50' },
    { key: 'p99', label: 'POST /needs p99', unit: 'ms', baseline: 'raw.p99', target: { op: '<=', value: 50 } },
  ],
  async run(context): Promise<Measurement> {
    const seconds = context.options.writeSeconds;
    const result = await postNeeds(context, seconds);
    // The events the requests caused are worked off before the baseline, so it does not compete with them.
    await context.system.drained(300_000);
    const raw = await rawStateAndOutbox(context, seconds);
    return {
      rps: result.requests.total / seconds,
      p50: result.latency.p50,
      p99: result.latency.p99,
      'raw.rps': raw.perSecond,
      'raw.p50': raw.p50,
      'raw.p99': raw.p99,
    };
  },
};
