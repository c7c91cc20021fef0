import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import type { BenchContext, Measurement, Scenario } from '../scenario';
import { ascending, percentile, sleep } from '../stats';

const AREA = 'health.primary-care';
const TEXT =
  'Socialstyrelsen har publicerat Nationellt vårdprogram för depression hos äldre inom ditt bevakningsområde.';

/** The 311 regions and municipalities, as the seed loaded them. */
async function followers(context: BenchContext): Promise<string[]> {
  const { rows } = await context.system.db.query(
    "SELECT id FROM directory.organisations WHERE kind IN ('region', 'municipality') ORDER BY code",
  );
  return rows.map((row: { id: string }) => row.id);
}

/** Polls the notifications table until the support's fan-out is complete; the time it took. */
async function untilNotified(db: Client, supportId: string, expected: number, started: number): Promise<number> {
  const deadline = started + 60_000;
  for (;;) {
    const { rows } = await db.query(
      'SELECT count(*)::int AS n FROM notifications.notifications WHERE subject_id = $1',
      [supportId],
    );
    if (rows[0].n >= expected) return performance.now() - started;
    if (performance.now() > deadline) throw new Error(`F: ${rows[0].n} of ${expected} notifications after 60 s`);
    await sleep(2);
  }
}

/** The raw limit: the same 311 rows, in one transaction, into a table of the same shape and indexes. */
async function rawInserts(context: BenchContext, organisationIds: string[], times: number): Promise<number[]> {
  const db = new Client({ connectionString: context.system.databaseUrl });
  await db.connect();
  try {
    await db.query(`
      CREATE SCHEMA IF NOT EXISTS bench_raw;
      CREATE TABLE IF NOT EXISTS bench_raw.notifications (LIKE notifications.notifications INCLUDING ALL)`);
    const timings: number[] = [];
    for (let i = 0; i < times; i++) {
      const started = performance.now();
      await db.query('BEGIN');
      await db.query(
        `INSERT INTO bench_raw.notifications (id, organisation_id, type, occasion, reasons, title, message, title_en, message_en,
                                              subject_type, subject_id, event_id, created_at)
         SELECT gen_random_uuid(), o, 'support.published', 'publication:' || $3::text, ARRAY['subscribed_area'], 'Nytt kunskapsstöd', $2,
                'New knowledge support', $2, 'support', $3::uuid, $3::uuid, now()
         FROM unnest($1::uuid[]) AS o`,
        [organisationIds, TEXT, crypto.randomUUID()],
      );
      await db.query('COMMIT');
      timings.push(performance.now() - started);
    }
    await db.query('TRUNCATE bench_raw.notifications');
    return timings;
  } finally {
    await db.end();
  }
}

/** F: a support published in an area all 311 regions and municipalities follow, until every inbox has it. */
export const fanOutScenario: Scenario = {
  id: 'F',
  title: 'fan-out: support.published to 311 followers',
  figures: (options) => [
    {
      key: 'p50',
      label: `311 notifications after publish, p50 of ${options.publishes}`,
      unit: 'ms',
      baseline: 'raw.p50',
    },
    {
      key: 'p99',
      label: `311 notifications after publish, p99 of ${options.publishes}`,
      unit: 'ms',
      baseline: 'raw.p99',
      target: { op: '<=', value: 300 },
    },
  ],
  async setup(context) {
    const organisations = await followers(context);
    if (organisations.length !== 311)
      throw new Error(`F: expected 311 regions and municipalities, found ${organisations.length}`);
    for (const id of organisations)
      await context.gateway.call(id, 'PUT', `/organisations/${id}/subscriptions`, { areaCodes: [AREA] });
    await context.system.drained(120_000);
  },
  async run(context): Promise<Measurement> {
    const { system, orgs, options } = context;
    const organisations = await followers(context);
    const timings: number[] = [];
    for (let i = 0; i < options.publishes; i++) {
      const support = await context.gateway.call<{ id: string }>(orgs.agency, 'POST', '/supports', {
        title: `Nationellt vårdprogram för depression hos äldre ${i}`,
        summary: 'Rekommendationer för primärvården.',
        areaCode: AREA,
        needIds: [],
        coProducerIds: [],
        plannedReleaseDate: '2027-03-01',
      });
      // Let the draft's own events pass, so each publish is timed on its own.
      await system.drained(60_000);
      await context.gateway.call(orgs.agency, 'POST', `/supports/${support.id}/publish`);
      const published = performance.now();
      timings.push(await untilNotified(system.db, support.id, organisations.length, published));
    }
    const raw = ascending(await rawInserts(context, organisations, options.publishes));
    const sorted = ascending(timings);
    return {
      p50: percentile(sorted, 0.5),
      p99: percentile(sorted, 0.99),
      'raw.p50': percentile(raw, 0.5),
      'raw.p99': percentile(raw, 0.99),
    };
  },
};
