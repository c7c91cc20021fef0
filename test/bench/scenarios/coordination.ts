import { performance } from 'node:perf_hooks';
import { OVERLAP_PAIRS } from '../../../apps/coordination/test/overlap-pairs.fixture';
import { parseCoordinationConfig } from '../../../apps/coordination/src/config/coordination.config';
import { timeRequests } from '../latency';
import type { BenchContext, Measurement, Scenario } from '../scenario';
import { ascending, percentile } from '../stats';

/** Supports an overlap check searches among, and items the calendar counts over a year, as issue 12 sets them. */
const OVERLAP_TABLE_SIZE = 50_000;
const CALENDAR_ITEMS = 10_000;
const CALENDAR_YEAR = 2031;
/** Drafts checked per run, one at a time. */
const CHECKS = 100;

/** What the synthetic supports are about: titles as agencies write them, so that a check finds many alike. */
const TOPICS = [
  'Vägledning om fallprevention',
  'Kunskapsstöd vid demenssjukdom',
  'Nationella riktlinjer för depression',
  'Metodstöd för läkemedelsgenomgångar',
  'Stöd för att förebygga undernäring',
  'Handbok om våld i nära relationer',
  'Vägledning vid skolfrånvaro',
  'Kunskapsstöd om ensamhet bland äldre',
  'Rekommendationer för palliativ vård',
  'Metodstöd vid missbruk och beroende',
  'Vägledning för diabetesvård',
  'Stöd till placerade barns skolgång',
];
const SETTINGS = [
  'för hemtjänsten',
  'för särskilda boenden',
  'för primärvården',
  'för elevhälsan',
  'för socialtjänsten',
];
const ASPECTS = ['bedömning', 'uppföljning', 'kartläggning', 'samverkan', 'kompetens', 'rutiner', 'dokumentation'];
const AREAS: [string, string][] = [
  ['social.older-care', 'social'],
  ['health.primary-care', 'health'],
  ['health.mental-health', 'health'],
  ['education.compulsory-school', 'education'],
];
const CELLS: [string, string][] = [
  ['municipality', 'social'],
  ['municipality', 'health'],
  ['municipality', 'education'],
  ['region', 'health'],
  ['region', 'social'],
  ['profession', 'health'],
];

function sqlArray(words: readonly string[]): string {
  return `ARRAY[${words.map((word) => `'${word.replace(/'/g, "''")}'`).join(', ')}]`;
}

/** What a draft states beside its text: a product type, a target group and a municipal audience of its sector. */
function draftContext(areaCode: string) {
  const sector = areaCode.split('.')[0];
  const targetGroup = { health: 'patients', social: 'older-people', education: 'pupils' }[sector] ?? 'older-people';
  return {
    productType: 'guidance',
    targetGroups: [targetGroup],
    audience: { organisationKinds: ['municipality'], sectors: [sector], professions: [] },
  };
}

async function agencies(context: BenchContext): Promise<string[]> {
  const { rows } = await context.system.db.query(
    "SELECT id FROM directory.organisations WHERE kind = 'agency' ORDER BY code",
  );
  return rows.map((row: { id: string }) => row.id);
}

/**
 * Precision and recall on the labelled set through the running system: each pair's two supports drafted by two
 * agencies through the gateway, then the overlaps the coordination service recorded between them counted.
 */
async function labelledSet(context: BenchContext, [first, second]: string[]): Promise<Measurement> {
  const pairs: { a: string; b: string; overlap: boolean }[] = [];
  for (const pair of OVERLAP_PAIRS) {
    const draft = (side: 'a' | 'b') => ({
      title: pair[side].title,
      summary: pair[side].summary,
      areaCode: pair.areaCode,
      needIds: [],
      coProducerIds: [],
      plannedReleaseDate: null,
      ...draftContext(pair.areaCode),
    });
    const a = await context.gateway.call<{ id: string }>(first, 'POST', '/supports', draft('a'));
    const b = await context.gateway.call<{ id: string }>(second, 'POST', '/supports', draft('b'));
    pairs.push({ a: a.id, b: b.id, overlap: pair.overlap });
  }
  await context.system.drained(300_000);
  const found = new Set<string>();
  let cursor: string | null = null;
  do {
    const page: {
      items: { support: { id: string }; otherSupport: { id: string } | null }[];
      nextCursor: string | null;
    } = await context.gateway.call(
      first,
      'GET',
      `/overlaps?agencyId=${second}&limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
    );
    for (const item of page.items) found.add([item.support.id, item.otherSupport?.id].sort().join(':'));
    cursor = page.nextCursor;
  } while (cursor);
  const flagged = pairs.map((pair) => ({ ...pair, found: found.has([pair.a, pair.b].sort().join(':')) }));
  const tp = flagged.filter((pair) => pair.found && pair.overlap).length;
  const fp = flagged.filter((pair) => pair.found && !pair.overlap).length;
  const fn = flagged.filter((pair) => !pair.found && pair.overlap).length;
  return { precision: tp / (tp + fp || 1), recall: tp / (tp + fn || 1) };
}

/** Fills the coordination service's supports to OVERLAP_TABLE_SIZE inside PostgreSQL, drafts and published alike. */
async function supportsTable(context: BenchContext, agencyIds: string[]): Promise<void> {
  const db = context.system.db;
  const { rows } = await db.query('SELECT count(*)::int AS n FROM coordination.supports');
  const missing = OVERLAP_TABLE_SIZE - rows[0].n;
  if (missing <= 0) return;
  context.log(`K: copying supports up to ${OVERLAP_TABLE_SIZE} in the coordination projection`);
  await db.query(
    `INSERT INTO coordination.supports (id, lead_agency_id, co_producer_ids, title, summary, area_code, sector,
       target_groups, audience, answers_needs, planned_release_date, status, aggregate_version)
     SELECT gen_random_uuid(), ($2::uuid[])[1 + g % cardinality($2::uuid[])], '{}',
            (${sqlArray(TOPICS)})[1 + (g * 7) % ${TOPICS.length}] || ' ' || (${sqlArray(ASPECTS)})[1 + g % ${ASPECTS.length}]
              || ' ' || (${sqlArray(SETTINGS)})[1 + (g / 3) % ${SETTINGS.length}],
            'Stöd nummer ' || g || ' om ' || (${sqlArray(ASPECTS)})[1 + (g * 3) % ${ASPECTS.length}] || ' för verksamheterna.',
            (${sqlArray(AREAS.map(([code]) => code))})[1 + g % ${AREAS.length}],
            (${sqlArray(AREAS.map(([, sector]) => sector))})[1 + g % ${AREAS.length}],
            ARRAY['older-people'], '{"organisationKinds":["municipality"],"sectors":["social"],"professions":[]}'::jsonb,
            '{}', NULL, CASE WHEN g % 3 = 0 THEN 'published' ELSE 'draft' END, 1
     FROM generate_series(1, $1::int) AS g`,
    [missing, agencyIds],
  );
  await db.query('VACUUM ANALYZE coordination.supports');
}

/** Lays CALENDAR_ITEMS releases and closing consultations over one year, each in one to three audience cells. */
async function calendarTable(context: BenchContext, agencyIds: string[]): Promise<void> {
  const db = context.system.db;
  const { rows } = await db.query(
    `SELECT count(DISTINCT item_id)::int AS n FROM coordination.calendar_entries
     WHERE day BETWEEN make_date($1, 1, 1) AND make_date($1, 12, 31)`,
    [CALENDAR_YEAR],
  );
  if (rows[0].n >= CALENDAR_ITEMS) return;
  context.log(`K: laying ${CALENDAR_ITEMS} calendar items over ${CALENDAR_YEAR}`);
  await db.query(
    `INSERT INTO coordination.calendar_entries (item_id, kind, audience_key, organisation_kind, sector, profession, day,
       support_id, title, lead_agency_id)
     SELECT item.id, item.kind, cell.kind || ':' || cell.sector, cell.kind, cell.sector, NULL, item.day,
            item.support_id, item.title, item.agency
     FROM (SELECT gen_random_uuid() AS id, gen_random_uuid() AS support_id,
                  CASE WHEN g % 4 = 0 THEN 'consultation-closing' ELSE 'release' END AS kind,
                  make_date($1, 1, 1) + (g % 365) AS day, 'Planerat stöd ' || g AS title,
                  ($3::uuid[])[1 + g % cardinality($3::uuid[])] AS agency, g
           FROM generate_series(1, $2::int) AS g) AS item
     CROSS JOIN LATERAL generate_series(0, item.g % 3) AS k
     CROSS JOIN LATERAL (SELECT ($4::text[])[1 + (item.g + k) % ${CELLS.length}] AS kind,
                                ($5::text[])[1 + (item.g + k) % ${CELLS.length}] AS sector) AS cell`,
    [CALENDAR_YEAR, CALENDAR_ITEMS, agencyIds, CELLS.map(([kind]) => kind), CELLS.map(([, sector]) => sector)],
  );
  await db.query('VACUUM ANALYZE coordination.calendar_entries');
}

/**
 * How long one changed draft takes from its event to the coordination service's recorded result: a draft posted
 * through the gateway (its support.drafted committed with the answer), then the coordination service's
 * processed-events row for that event polled every 2 ms. Relay and queue are in the figure, as the issue asks.
 */
async function overlapCheck(context: BenchContext, agencyId: string, n: number): Promise<number> {
  const db = context.system.db;
  const title = `${TOPICS[n % TOPICS.length]} ${ASPECTS[(n * 5) % ASPECTS.length]} ${SETTINGS[n % SETTINGS.length]}`;
  const draft = await context.gateway.call<{ id: string }>(agencyId, 'POST', '/supports', {
    title,
    summary: `Ett nytt stöd om ${title.toLowerCase()}.`,
    areaCode: AREAS[n % AREAS.length][0],
    needIds: [],
    coProducerIds: [],
    plannedReleaseDate: null,
    ...draftContext(AREAS[n % AREAS.length][0]),
  });
  const committed = performance.now();
  const { rows } = await db.query(
    `SELECT envelope->>'id' AS id FROM supports.outbox
     WHERE type = 'support.drafted' AND envelope->'aggregate'->>'id' = $1`,
    [draft.id],
  );
  const eventId = rows[0]?.id;
  if (!eventId) throw new Error(`K: no support.drafted in the supports outbox for ${draft.id}`);
  for (;;) {
    const done = await db.query('SELECT 1 FROM coordination.processed_events WHERE event_id = $1', [eventId]);
    if (done.rowCount) return performance.now() - committed;
    if (performance.now() - committed > 30_000) throw new Error(`K: ${eventId} not processed within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

let labelled: Measurement | null = null;

/**
 * K: coordination (samordning). Precision and recall on the labelled set (once, before the tables are filled, so the figures are
 * the scorer's and not the copies'), then an overlap check for one changed draft against 50,000 supports, and
 * `GET /calendar` for a year holding 10,000 planned releases and closing consultations, for one audience and whole.
 */
export const coordinationScenario: Scenario = {
  id: 'K',
  title: 'coordination: overlap check over 50,000 supports, GET /calendar over 10,000 items, labelled set',
  figures: () => [
    {
      key: 'overlap.p99',
      label: `overlap check, one changed draft against ${OVERLAP_TABLE_SIZE.toLocaleString('en')} supports, event to result, p99`,
      unit: 'ms',
      target: { op: '<=', value: 100 },
    },
    { key: 'overlap.p50', label: 'overlap check, event to result, p50', unit: 'ms' },
    {
      key: 'calendar.p99',
      label: `GET /calendar, a year of ${CALENDAR_ITEMS.toLocaleString('en')} items, one audience, p99`,
      unit: 'ms',
      target: { op: '<=', value: 50 },
    },
    { key: 'calendar.all.p99', label: 'GET /calendar, a year, every audience, p99', unit: 'ms' },
    {
      key: 'precision',
      label: `overlaps, labelled set of ${OVERLAP_PAIRS.length} pairs, precision`,
      unit: '',
      target: { op: '>=', value: 0.8 },
    },
    {
      key: 'recall',
      label: `overlaps, labelled set of ${OVERLAP_PAIRS.length} pairs, recall`,
      unit: '',
      target: { op: '>=', value: 0.8 },
    },
    { key: 'threshold', label: 'overlap threshold (OVERLAP_THRESHOLD) the figures were measured at', unit: '' },
  ],
  async setup(context) {
    const ids = await agencies(context);
    labelled = await labelledSet(context, ids.slice(0, 2));
    await supportsTable(context, ids);
    await calendarTable(context, ids);
  },
  async run(context, run): Promise<Measurement> {
    const ids = await agencies(context);
    const checks: number[] = [];
    for (let n = 0; n < CHECKS; n++)
      checks.push(await overlapCheck(context, ids[(run + n) % ids.length], run * CHECKS + n));
    const sortedChecks = ascending(checks);
    const from = `${CALENDAR_YEAR}-01-01`;
    const to = `${CALENDAR_YEAR}-12-31`;
    const oneAudience = [`/calendar?from=${from}&to=${to}&audience=municipality:social`];
    const every = [`/calendar?from=${from}&to=${to}`];
    const send = async (path: string) => {
      await context.gateway.call(context.orgs.stockholm, 'GET', path);
    };
    for (const path of [...oneAudience, ...every]) await send(path); // warm-up: plans, caches
    const audience = await timeRequests(oneAudience, context.options.readRequests, 1, send);
    const all = await timeRequests(every, Math.max(10, Math.round(context.options.readRequests / 10)), 1, send);
    return {
      'overlap.p50': percentile(sortedChecks, 0.5),
      'overlap.p99': percentile(sortedChecks, 0.99),
      'calendar.p50': percentile(audience.sorted, 0.5),
      'calendar.p99': percentile(audience.sorted, 0.99),
      'calendar.all.p99': percentile(all.sorted, 0.99),
      ...(labelled ?? {}),
      threshold: parseCoordinationConfig(context.benchEnv).OVERLAP_THRESHOLD,
    };
  },
};
