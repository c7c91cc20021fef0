import { Client } from 'pg';
import { ensureSchema, parseConfig } from '@styrkedjan/platform';

/** Events per story unit (see below). */
const UNIT = 11;

/**
 * Appends synthetic events straight into pipeline.event_log, to measure a replay and GET /pipeline at
 * scale: `node dist/test/bench/seed-event-log.js 1000000`. Generated inside PostgreSQL
 * (generate_series), so a million rows take seconds. Each unit of 11 events is one small story in one of
 * 120 areas: three needs identified (need.identified v2, with target-group codes), a support drafted for two
 * and published (sometimes before its draft in log order), two pieces of feedback, a second support drafted
 * for the third need, and the needs service's transitions: the first need triaged (accepted, declined or
 * deferred by turns), the second endorsed (under review), the third addressed by the second support.
 * The service must have started once (migrations). Refuses to run with NODE_ENV=production.
 */
async function seed(count: number): Promise<void> {
  const config = parseConfig();
  if (config.NODE_ENV === 'production') throw new Error('refusing to write synthetic events into a production log');
  await ensureSchema(config, 'pipeline');
  const client = new Client({ connectionString: config.DATABASE_URL, options: '-c search_path=pipeline' });
  await client.connect();
  try {
    const started = Date.now();
    await client.query('BEGIN');
    // Take the position lock like a consumer, so live appends wait rather than collide.
    const { rows } = await client.query('SELECT position FROM event_log_head FOR UPDATE');
    const from = Number(rows[0].position);
    const units = Math.ceil(count / UNIT);
    await client.query(
      `WITH unit AS (
         SELECT u, ('2026-01-01T00:00:00Z'::timestamptz + make_interval(secs => u * 12)) AS t,
                (ARRAY['health', 'social', 'education'])[1 + u % 3] AS sector, 'area.' || (u % 120) AS area,
                (SELECT string_agg(substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-4' || substr(h, 14, 3) || '-8' || substr(h, 18, 3) || '-' || substr(h, 21, 12), ',')
                   FROM unnest(ARRAY['n1', 'n2', 'n3', 's1', 's2', 'o1', 'o2', 'a1', 'f1', 'f2', 'c']) AS k, md5($3 || u || k) AS h) AS ids
         FROM generate_series(1, $1::int) AS u
       ), id AS (
         SELECT unit.*, string_to_array(ids, ',') AS i FROM unit
       ), event AS (
         SELECT u, k, t + make_interval(secs => k) AS at, sector, area, i,
                (ARRAY['accepted', 'declined', 'deferred'])[1 + u % 3] AS decision,
                CASE k WHEN 1 THEN 'need.identified' WHEN 2 THEN 'need.identified' WHEN 3 THEN 'need.identified'
                       WHEN 4 THEN CASE WHEN u % 5 = 0 THEN 'support.published' ELSE 'support.drafted' END
                       WHEN 5 THEN CASE WHEN u % 5 = 0 THEN 'support.drafted' ELSE 'support.published' END
                       WHEN 6 THEN 'feedback.received' WHEN 7 THEN 'feedback.received' WHEN 8 THEN 'support.drafted'
                       WHEN 9 THEN 'need.triaged' WHEN 10 THEN 'need.endorsed' ELSE 'need.addressed' END AS type
         FROM id, generate_series(1, ${UNIT}) AS k
       ), shaped AS (
         SELECT u, k, type, at, i, decision,
           CASE type
             WHEN 'need.identified' THEN jsonb_build_object('type', 'need', 'id', i[k], 'version', 1)
             WHEN 'need.triaged' THEN jsonb_build_object('type', 'need', 'id', i[1], 'version', 2)
             WHEN 'need.endorsed' THEN jsonb_build_object('type', 'need', 'id', i[2], 'version', 2)
             WHEN 'need.addressed' THEN jsonb_build_object('type', 'need', 'id', i[3], 'version', 2)
             WHEN 'feedback.received' THEN jsonb_build_object('type', 'feedback', 'id', i[3 + k], 'version', 1)
             WHEN 'support.published' THEN jsonb_build_object('type', 'support', 'id', i[4], 'version', 2)
             ELSE jsonb_build_object('type', 'support', 'id', CASE WHEN k = 8 THEN i[5] ELSE i[4] END, 'version', 1)
           END AS aggregate,
           CASE type
             WHEN 'need.identified' THEN jsonb_build_object('needId', i[k], 'organisationId', i[6], 'title', 'Behov ' || u || '-' || k,
               'description', repeat('Beskrivning av behovet. ', 8), 'areaCode', area, 'sector', sector,
               'targetGroups', jsonb_build_array('older-people'), 'note', null,
               'identifiedAt', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
             WHEN 'need.triaged' THEN jsonb_build_object('needId', i[1], 'decision', decision, 'rationale', 'Motivering ' || u,
               'leadAgencyId', CASE WHEN decision = 'accepted' THEN i[8] END,
               'declineReason', CASE WHEN decision = 'declined' THEN 'purely-local' END, 'existingSupportId', null,
               'duplicateOfNeedId', null, 'reviewOn', CASE WHEN decision = 'deferred' THEN '2027-01-01' END, 'stage', decision,
               'stakeholders', jsonb_build_array(jsonb_build_object('organisationId', i[6], 'role', 'submitter')),
               'triagedAt', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
             WHEN 'need.endorsed' THEN jsonb_build_object('needId', i[2], 'organisationId', i[7], 'comment', null,
               'localContext', null, 'reopensReview', false, 'stage', 'under-review',
               'endorsedAt', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
             WHEN 'need.addressed' THEN jsonb_build_object('needId', i[3], 'supportId', i[5], 'supportTitle', 'Stöd ' || u || '-8',
               'leadAgencyId', i[8], 'stage', 'being-addressed',
               'stakeholders', jsonb_build_array(jsonb_build_object('organisationId', i[7], 'role', 'submitter')),
               'addressedAt', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
             WHEN 'support.drafted' THEN jsonb_build_object('supportId', CASE WHEN k = 8 THEN i[5] ELSE i[4] END, 'leadAgencyId', i[8],
               'coProducerIds', '[]'::jsonb, 'title', 'Stöd ' || u || '-' || k, 'summary', repeat('Sammanfattning. ', 6), 'areaCode', area,
               'sector', sector, 'plannedReleaseDate', null, 'draftedAt', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               'answersNeeds', CASE WHEN k = 8 THEN jsonb_build_array(jsonb_build_object('needId', i[3], 'organisationId', i[7]))
                 ELSE jsonb_build_array(jsonb_build_object('needId', i[1], 'organisationId', i[6]), jsonb_build_object('needId', i[2], 'organisationId', i[6])) END)
             WHEN 'support.published' THEN jsonb_build_object('supportId', i[4], 'leadAgencyId', i[8], 'title', 'Stöd ' || u,
               'areaCode', area, 'sector', sector, 'publishedAt', to_char((at + interval '1 day') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               'answersNeeds', jsonb_build_array(jsonb_build_object('needId', i[1], 'organisationId', i[6]), jsonb_build_object('needId', i[2], 'organisationId', i[6])))
             ELSE jsonb_build_object('feedbackId', i[3 + k], 'supportId', i[4], 'leadAgencyId', i[8], 'supportTitle', 'Stöd ' || u,
               'organisationId', i[7], 'usefulness', 1 + u % 5, 'applicationStatus', 'applied', 'comment', 'Fungerar.',
               'receivedAt', to_char((at + interval '2 days') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
           END AS payload
         FROM event
       )
       INSERT INTO event_log (position, event_id, type, aggregate_type, aggregate_id, occurred_at, envelope)
       SELECT $2::bigint + (u - 1) * ${UNIT} + k, id, type, aggregate->>'type', aggregate->>'id', at,
              jsonb_build_object('id', id, 'type', type, 'version', CASE type WHEN 'need.identified' THEN 2 ELSE 1 END, 'occurredAt', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                'producer', 'bench', 'actor', jsonb_build_object('organisationId', i[6], 'userId', null, 'method', 'system'),
                'correlationId', i[11], 'causationId', null, 'aggregate', aggregate, 'payload', payload)
       FROM (SELECT shaped.*, gen_random_uuid() AS id FROM shaped WHERE (u - 1) * ${UNIT} + k <= $4::int) AS numbered`,
      [units, from, `bench-${from}-`, count],
    );
    await client.query('UPDATE event_log_head SET position = (SELECT max(position) FROM event_log)');
    await client.query('COMMIT');
    console.log(JSON.stringify({ appended: count, from: from + 1, seconds: (Date.now() - started) / 1000 }));
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}

const count = Number(process.argv[2] ?? 200_000);
if (!Number.isInteger(count) || count < 1) {
  console.error('usage: seed-event-log.js <number of events>');
  process.exitCode = 2;
} else {
  seed(count).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
