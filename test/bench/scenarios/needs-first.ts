import type { BenchContext, Measurement, Scenario } from '../scenario';
import { timeRequests } from '../latency';
import { percentile } from '../stats';
import { LoadResult, autocannon, postNeeds } from './write';

/** Needs the similar-need lookup searches among, as issue 10 sets them. */
const SIMILAR_TABLE_SIZE = 100_000;

/** Words the synthetic needs are made of, so that a lookup finds some needs alike and most not. */
const TOPICS = [
  'Tidig upptäckt av depression',
  'Fallprevention',
  'Läkemedelsgenomgångar',
  'Nutrition och undernäring',
  'Stöd vid demenssjukdom',
  'Psykisk ohälsa',
  'Suicidprevention',
  'Våld i nära relationer',
  'Skolfrånvaro',
  'Språkutveckling',
  'Ensamhet och isolering',
  'Missbruk och beroende',
  'Palliativ vård',
  'Diabetes typ 2',
  'Smärtlindring',
  'Munhälsa',
  'Sömnproblem',
  'Hemlöshet',
  'Digital kompetens',
  'Samverkan kring placerade barn',
];
const SETTINGS = [
  'i hemtjänsten',
  'på särskilt boende',
  'i primärvården',
  'i skolan',
  'i förskolan',
  'i socialtjänsten',
];
const ASPECTS = ['bedömning', 'uppföljning', 'kartläggning', 'metodstöd', 'samordning', 'kompetens', 'rutiner'];
const AREAS: [string, string[]][] = [
  ['health.primary-care', ['older-people', 'patients']],
  ['health.mental-health', ['people-with-mental-illness', 'young-people']],
  ['social.older-care', ['older-people', 'people-with-dementia']],
  ['education.compulsory-school', ['pupils', 'pupils-special-support']],
];

/** The regions and municipalities, as the seed loaded them, but Stockholm, which registers the needs. */
async function localOrganisations(context: BenchContext): Promise<string[]> {
  const { rows } = await context.system.db.query(
    "SELECT id FROM directory.organisations WHERE kind IN ('region', 'municipality') AND id <> $1 ORDER BY code",
    [context.orgs.stockholm],
  );
  return rows.map((row: { id: string }) => row.id);
}

/** Registers needs through the gateway, a few at a time; their ids. */
async function registerNeeds(
  context: BenchContext,
  count: number,
  body: (n: number) => Record<string, unknown>,
  organisationId = context.orgs.stockholm,
): Promise<string[]> {
  const ids: string[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const n = next++;
      const need = await context.gateway.call<{ id: string }>(organisationId, 'POST', '/needs', body(n));
      ids.push(need.id);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
  return ids;
}

function syntheticNeed(n: number) {
  const [areaCode, targetGroups] = AREAS[n % AREAS.length];
  return {
    title: `${TOPICS[n % TOPICS.length]} ${SETTINGS[(n >> 2) % SETTINGS.length]}`,
    description: `Vi saknar ${ASPECTS[n % ASPECTS.length]} för ${TOPICS[(n * 7) % TOPICS.length].toLowerCase()}.`,
    areaCode,
    targetGroups: targetGroups.slice(0, 1 + (n % 2)),
    note: null,
  };
}

/**
 * Fills the needs table to SIMILAR_TABLE_SIZE: 80 needs registered through the gateway (the ones looked up),
 * then copies of them made inside PostgreSQL with other words, times and ids. Every column the needs service
 * writes is copied as it wrote it (only generated columns, such as the search vector, are left to PostgreSQL),
 * so the copies are needs like any other to the lookup. A copy's topic and setting are chosen independently
 * (the setting by `g / TOPICS.length`): chosen both by `g` modulo an even count, a topic and a setting of
 * different parity never met in one title, so a one-word topic ("Fallprevention i hemtjänsten") had no copy
 * sharing two of its title words and its lookup rightly found none.
 */
async function needsTable(context: BenchContext): Promise<string[]> {
  const probes = await registerNeeds(context, 80, syntheticNeed);
  await context.system.drained(300_000);
  const db = context.system.db;
  const { rows: counted } = await db.query('SELECT count(*)::int AS n FROM needs.needs');
  const missing = SIMILAR_TABLE_SIZE - counted[0].n;
  if (missing > 0) {
    context.log(`S: copying needs up to ${SIMILAR_TABLE_SIZE} in the needs table`);
    const { rows: columns } = await db.query<{ name: string }>(
      `SELECT column_name AS name FROM information_schema.columns
       WHERE table_schema = 'needs' AND table_name = 'needs' AND is_generated = 'NEVER' ORDER BY ordinal_position`,
    );
    const varied: Record<string, string> = {
      id: 'gen_random_uuid()',
      title: `(${sqlArray(TOPICS)})[1 + (g * 7) % ${TOPICS.length}] || ' ' || (${sqlArray(ASPECTS)})[1 + g % ${ASPECTS.length}] || ' ' || (${sqlArray(SETTINGS)})[1 + (g / ${TOPICS.length}) % ${SETTINGS.length}]`,
      description: `'Behov nummer ' || g || ': ' || t.description`,
      identified_at: `t.identified_at - make_interval(secs => g)`,
      last_transition_at: `t.last_transition_at - make_interval(secs => g)`,
    };
    const list = columns.map(({ name }) => name);
    await db.query(
      `INSERT INTO needs.needs (${list.join(', ')})
       SELECT ${list.map((name) => varied[name] ?? `t.${name}`).join(', ')}
       FROM needs.needs t, generate_series(1, $2::int) AS g WHERE t.id = ANY($1::uuid[])`,
      [probes, Math.ceil(missing / probes.length)],
    );
    await db.query('VACUUM ANALYZE needs.needs');
  }
  return probes;
}

function sqlArray(words: readonly string[]): string {
  return `ARRAY[${words.map((word) => `'${word.replace(/'/g, "''")}'`).join(', ')}]`;
}

let probes: string[] = [];

/** S: GET /needs/{id}/similar through the gateway with 100,000 needs in the table, one request at a time. */
export const similarScenario: Scenario = {
  id: 'S',
  title: 'similar needs: GET /needs/{id}/similar over 100,000 needs',
  figures: () => [
    {
      key: 'p50',
      label: `GET /needs/{id}/similar, ${SIMILAR_TABLE_SIZE.toLocaleString('en')} needs, one at a time, p50`,
      unit: 'ms',
    },
    {
      key: 'p99',
      label: `GET /needs/{id}/similar, ${SIMILAR_TABLE_SIZE.toLocaleString('en')} needs, one at a time, p99`,
      unit: 'ms',
      target: { op: '<=', value: 30 },
    },
  ],
  async setup(context) {
    probes = await needsTable(context);
  },
  async run(context): Promise<Measurement> {
    const paths = probes.map((id) => `/needs/${id}/similar`);
    const send = async (path: string) => {
      const answer = await context.gateway.call<{ items: unknown[] }>(context.orgs.stockholm, 'GET', path);
      if (!answer.items.length) throw new Error(`S: ${path} found no similar need among the copies`);
    };
    for (const path of paths) await send(path); // warm-up: plans, caches
    const { sorted } = await timeRequests(paths, context.options.readRequests, 1, send);
    return { p50: percentile(sorted, 0.5), p99: percentile(sorted, 0.99) };
  },
};

/**
 * N: POST /needs/{id}/endorsements at the W connections, beside POST /needs for as long in the same run. Each
 * endorsement is another region or municipality endorsing one of a fresh set of Stockholm's needs, so none is
 * refused as a second endorsement; the needs take turns, as endorsements from many organisations would.
 */
export const endorseScenario: Scenario = {
  id: 'N',
  title: 'endorsements: POST /needs/{id}/endorsements against POST /needs',
  figures: (options) => [
    {
      key: 'rps',
      label: `POST /needs/{id}/endorsements, ${options.writeConnections} connections`,
      unit: 'req/s',
      baseline: 'needs.rps',
      target: { op: '>=', value: 1, ofRatio: true },
    },
    { key: 'p50', label: 'POST /needs/{id}/endorsements p50', unit: 'ms', baseline: 'needs.p50' },
    { key: 'p99', label: 'POST /needs/{id}/endorsements p99', unit: 'ms', baseline: 'needs.p99' },
  ],
  async run(context): Promise<Measurement> {
    const seconds = context.options.writeSeconds;
    const needs = await postNeeds(context, seconds);
    await context.system.drained(300_000);

    const endorsers = await localOrganisations(context);
    // Room for three times the rate of POST /needs (more pairs than the run can use), and at least four needs
    // per connection: consecutive requests endorse different needs, so the requests in flight do not queue
    // behind one need's row lock and no need grows hundreds of endorsements within the run.
    const needed = Math.max(
      4 * context.options.writeConnections,
      Math.ceil((3 * needs.requests.total) / endorsers.length) + 10,
    );
    const needIds = await registerNeeds(context, needed, (n) => ({ ...syntheticNeed(n), title: `Att stödja ${n}` }));
    await context.system.drained(300_000);
    for (const organisationId of endorsers) context.gateway.headers(organisationId); // tokens made before the clock runs

    let pair = 0;
    const result: LoadResult = await autocannon({
      url: context.system.url,
      connections: context.options.writeConnections,
      duration: seconds,
      requests: [
        {
          method: 'POST',
          setupRequest: (request: Record<string, unknown>) => {
            const n = pair++;
            const needId = needIds[n % needIds.length];
            const organisationId = endorsers[Math.floor(n / needIds.length)];
            if (!organisationId) throw new Error('N: ran out of endorsers; raise the factor above');
            return {
              ...request,
              path: `/needs/${needId}/endorsements`,
              headers: context.gateway.headers(organisationId),
              body: JSON.stringify({ comment: 'Vi har samma behov', localContext: null }),
            };
          },
        },
      ],
    });
    const failed = result.non2xx + result.errors + result.timeouts;
    if (failed > 0)
      throw new Error(
        `N: ${failed} of ${result.requests.total} endorsements failed (non-2xx ${result.non2xx}, errors ${result.errors}; ${JSON.stringify(result.statusCodeStats ?? {})})`,
      );
    return {
      rps: result.requests.total / seconds,
      p50: result.latency.p50,
      p99: result.latency.p99,
      'needs.rps': needs.requests.total / seconds,
      'needs.p50': needs.latency.p50,
      'needs.p99': needs.latency.p99,
    };
  },
};
