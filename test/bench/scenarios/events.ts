import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Pool } from 'pg';
import { AnyEvent, subscribersOf } from '@styrkedjan/contracts';
import { appendToOutbox } from '@styrkedjan/messaging';
import type { BenchContext, Figure, Measurement, Scenario } from '../scenario';
import { ascending, percentile, sleep } from '../stats';

/** One offered rate: what was held, and how long from commit until every consumer was done. */
interface RateResult {
  /** Events done per second, over the offered period plus however long the backlog took to drain. */
  held: number;
  p50: number;
  p99: number;
  /** p50 from commit to each consumer done, by consumer: where the time goes. */
  byConsumer: Record<string, number>;
}

const TICK_MS = 10;
/** How often the event path's effects are looked for: the resolution of its latencies. */
const POLL_MS = 5;
const POLL_BATCH = 200;

/**
 * Offers events at a steady rate: every tick, the events due so far are handed to `emit` (a commit, or a
 * queue add), which resolves when they are committed; a listener calls `done(id)` as each consumer finishes.
 * The clock for an event starts when its commit returns and stops when the last of its consumers is done.
 */
async function offer(
  rate: number,
  seconds: number,
  consumersPerEvent: number,
  emit: (ids: string[]) => Promise<void>,
  listen: (done: (id: string, consumer: string) => void) => Promise<() => Promise<void>>,
): Promise<RateResult> {
  const pending = new Map<string, { committed: number; remaining: number }>();
  const early = new Map<string, number>(); // done before its commit returned to us
  const latencies: number[] = [];
  const perConsumer = new Map<string, number[]>();
  let lastDone = 0;
  const stop = await listen((id, consumer) => {
    const entry = pending.get(id);
    if (!entry) {
      early.set(id, (early.get(id) ?? 0) + 1);
      return;
    }
    const list = perConsumer.get(consumer) ?? [];
    list.push(performance.now() - entry.committed);
    perConsumer.set(consumer, list);
    if (--entry.remaining === 0) {
      lastDone = performance.now();
      latencies.push(lastDone - entry.committed);
      pending.delete(id);
    }
  });
  const total = Math.round(rate * seconds);
  const inFlight = new Set<Promise<void>>();
  let sent = 0;
  const started = performance.now();
  try {
    while (sent < total) {
      const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate)) - sent;
      if (due > 0 && inFlight.size < 8) {
        const ids = Array.from({ length: due }, () => randomUUID());
        sent += due;
        const commit = emit(ids).then(() => {
          const committed = performance.now();
          for (const id of ids) {
            const already = early.get(id) ?? 0;
            early.delete(id);
            if (already >= consumersPerEvent) {
              latencies.push(0);
              lastDone = committed;
            } else pending.set(id, { committed, remaining: consumersPerEvent - already });
          }
        });
        inFlight.add(commit);
        void commit.finally(() => inFlight.delete(commit));
      }
      await sleep(TICK_MS);
    }
    await Promise.all(inFlight);
    const deadline = performance.now() + 120_000;
    while (pending.size > 0 && performance.now() < deadline) await sleep(20);
    if (pending.size > 0) throw new Error(`E: ${pending.size} of ${total} events not done 120 s after the last commit`);
  } finally {
    await stop();
  }
  const sorted = ascending(latencies);
  const byConsumer = Object.fromEntries(
    [...perConsumer].map(([consumer, list]) => [consumer, percentile(ascending(list), 0.5)]),
  );
  return {
    held: total / ((lastDone - started) / 1000),
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    byConsumer,
  };
}

/** A need.identified envelope as the needs service records it; the supports and pipeline services consume it. */
function needIdentified(id: string, organisationId: string): AnyEvent {
  const at = new Date().toISOString();
  const needId = randomUUID();
  return {
    id,
    type: 'need.identified',
    version: 2,
    occurredAt: at,
    producer: 'needs',
    actor: { organisationId, userId: null, method: 'api-key' },
    correlationId: randomUUID(),
    causationId: null,
    aggregate: { type: 'need', id: needId, version: 1 },
    payload: {
      needId,
      organisationId,
      title: 'Tidig upptäckt av depression hos äldre',
      description:
        'Primärvården saknar ett gemensamt arbetssätt för att upptäcka depression hos äldre i ordinärt boende.',
      areaCode: 'health.primary-care',
      sector: 'health',
      targetGroups: ['older-people'],
      note: 'Äldre i ordinärt boende',
      identifiedAt: at,
    },
  };
}

/** Through the system: commits into the needs service's outbox (with its NOTIFY), as a use case would. */
async function throughOutbox(context: BenchContext, rate: number, seconds: number): Promise<RateResult> {
  const consumers = subscribersOf('need.identified');
  // The needs service's own schema, so the append is the very statement its use cases run.
  const pool = new Pool({ connectionString: context.system.databaseUrl, max: 8, options: '-c search_path=needs' });
  // A consumer is done with an event when its processed_events row, committed with the effect, is visible:
  // the same on both backends (BullMQ's PostgreSQL backend does not deliver every queue event to listeners).
  const outstanding = new Map(consumers.map((consumer) => [consumer, new Set<string>()]));
  try {
    return await offer(
      rate,
      seconds,
      consumers.length,
      async (ids) => {
        // One statement, so one transaction: the rows and the NOTIFY that wakes the relay.
        await appendToOutbox(
          pool,
          'needs',
          ids.map((id) => needIdentified(id, context.orgs.stockholm)),
        );
        for (const waiting of outstanding.values()) for (const id of ids) waiting.add(id);
      },
      async (done) => {
        let polling = true;
        const poller = (async () => {
          while (polling) {
            for (const [consumer, waiting] of outstanding) {
              if (waiting.size === 0) continue;
              const { rows } = await pool.query<{ event_id: string }>(
                // The oldest few hundred outstanding, joined from the ids: an index lookup. Given thousands
                // (a backlog), PostgreSQL would scan the whole table every few milliseconds and slow what it measures.
                `SELECT p.event_id FROM unnest($1::uuid[]) AS waiting(id) JOIN "${consumer}".processed_events p ON p.event_id = waiting.id`,
                [[...waiting].slice(0, POLL_BATCH)],
              );
              for (const { event_id: id } of rows) {
                waiting.delete(id);
                done(id, consumer);
              }
            }
            await sleep(POLL_MS);
          }
        })();
        return async () => {
          polling = false;
          await poller;
        };
      },
    );
  } finally {
    await pool.end();
  }
}

/** The raw limit: BullMQ add → a no-op worker on the same backend, at the same rate, one consumer per event. */
async function throughBareQueue(context: BenchContext, rate: number, seconds: number): Promise<RateResult> {
  const name = `bench.noop.${randomUUID().slice(0, 8)}`;
  const queue = context.backend.queue(name);
  const worker = context.backend.worker(name, async () => undefined, { concurrency: 16 });
  try {
    return await offer(
      rate,
      seconds,
      1,
      async (ids) =>
        void (await queue.addBulk(
          ids.map((id) => ({ name: 'noop', data: { id }, opts: { jobId: id, removeOnComplete: true } })),
        )),
      async (done) => {
        // The worker is in this process: its own completion event, on either backend.
        worker.on('completed', (job) => done(String(job.id), 'noop'));
        await worker.waitUntilReady();
        return async () => undefined;
      },
    );
  } finally {
    await Promise.allSettled([worker.close()]);
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
  }
}

/** The rate held to the target: the first offered rate of at least 1,000 events/s. */
const targetRate = (rates: number[]) => rates.find((rate) => rate >= 1000) ?? rates[rates.length - 1];

export const eventScenario: Scenario = {
  id: 'E',
  title: 'event path: outbox commit → every consumer done',
  figures: (options) => [
    ...options.eventRates.flatMap((rate): Figure[] => {
      const target = rate === targetRate(options.eventRates);
      return [
        {
          key: `${rate}.held`,
          label: `offered ${rate}/s: held`,
          unit: 'events/s',
          baseline: `raw.${rate}.held`,
          target: target ? { op: '>=', value: rate * 0.98, everyRun: true } : undefined,
        },
        {
          key: `${rate}.p50`,
          label: `offered ${rate}/s: p50 commit→consumed`,
          unit: 'ms',
          baseline: `raw.${rate}.p50`,
        },
        {
          key: `${rate}.p99`,
          label: `offered ${rate}/s: p99 commit→consumed`,
          unit: 'ms',
          baseline: `raw.${rate}.p99`,
          target: target ? { op: '<=', value: 100, everyRun: true } : undefined,
        },
      ];
    }),
    {
      key: 'ceiling',
      label: 'ceiling: highest rate held with p99 ≤ 100 ms',
      unit: 'events/s',
      baseline: 'raw.ceiling',
    },
  ],
  async run(context): Promise<Measurement> {
    const { options } = context;
    const measurement: Measurement = { ceiling: 0, 'raw.ceiling': 0 };
    for (const rate of options.eventRates) {
      await context.system.drained(300_000);
      context.log(`E: offering ${rate} events/s for ${options.eventSeconds} s`);
      const live = await throughOutbox(context, rate, options.eventSeconds);
      const raw = await throughBareQueue(context, rate, options.eventSeconds);
      for (const [prefix, result] of [
        ['', live],
        ['raw.', raw],
      ] as const) {
        measurement[`${prefix}${rate}.held`] = result.held;
        measurement[`${prefix}${rate}.p50`] = result.p50;
        measurement[`${prefix}${rate}.p99`] = result.p99;
        for (const [consumer, p50] of Object.entries(result.byConsumer))
          measurement[`${prefix}${rate}.p50.${consumer}`] = p50;
        if (result.held >= rate * 0.98 && result.p99 <= 100)
          measurement[`${prefix}ceiling`] = Math.max(measurement[`${prefix}ceiling`], rate);
      }
    }
    return measurement;
  },
};
