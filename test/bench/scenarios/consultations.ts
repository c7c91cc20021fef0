import { performance } from 'node:perf_hooks';
import { subscribersOf } from '@styrkedjan/contracts';
import { eventually } from '@styrkedjan/testing';
import {
  addDays,
  nextWorkingDay,
  swedishDateOf,
} from '../../../apps/consultations/src/consultations/domain/working-days';
import type { BenchContext, Measurement, Scenario } from '../scenario';
import { timeRequests } from '../latency';
import { percentile } from '../stats';

/** Rounds opened, one after another, for the open → notifications figure. */
const ROUNDS = 10;
const COMMENTS_PER_RESPONSE = 5;
const RESPONSE_CONNECTIONS = 32;
const REPORT_REQUESTS = 200;

/** Whether the notifications service takes consultation.opened (its consumer may not be in this build). */
const NOTIFIED = subscribersOf('consultation.opened').includes('notifications');

/** Every region and municipality, as the seed loaded them: 21 + 290 = 311. */
async function regionsAndMunicipalities(context: BenchContext): Promise<string[]> {
  const { rows } = await context.system.db.query<{ id: string }>(
    "SELECT id FROM directory.organisations WHERE kind IN ('region', 'municipality') ORDER BY code",
  );
  return rows.map((row) => row.id);
}

/** Drafts made by the agency and known to the consultations service. */
async function drafts(context: BenchContext, count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let n = 0; n < count; n++) {
    const drafted = await context.gateway.call<{ id: string }>(context.orgs.agency, 'POST', '/supports', {
      title: `Remissversion ${n}`,
      summary: '',
      areaCode: 'health.primary-care',
      needIds: [],
      coProducerIds: [],
      plannedReleaseDate: null,
    });
    ids.push(drafted.id);
  }
  await context.system.drained(300_000);
  return ids;
}

function roundTo(consultees: string[]) {
  return {
    consultees: { organisationIds: consultees },
    questions: [{ id: 'q1', text: 'Är rekommendationerna genomförbara i er verksamhet?' }],
    sections: [1, 2, 3, 4].map((n) => ({ id: `s${n}`, heading: `Avsnitt ${n}` })),
    closesAt: nextWorkingDay(addDays(swedishDateOf(new Date()), 35)),
  };
}

/** How long from POST until every consultee has the round in its inbox (or, without that consumer, it is sent). */
async function openedToInboxes(context: BenchContext, supportId: string, consultees: string[]): Promise<number> {
  const db = context.system.db;
  const started = performance.now();
  const round = await context.gateway.call<{ id: string }>(
    context.orgs.agency,
    'POST',
    `/supports/${supportId}/consultations`,
    roundTo(consultees),
  );
  await eventually(
    async () => {
      if (NOTIFIED) {
        const { rows } = await db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM notifications.notifications WHERE type = 'consultation.opened'
           AND event_id = (SELECT event_id FROM consultations.outbox WHERE type = 'consultation.opened'
                           AND envelope->'aggregate'->>'id' = $1)`,
          [round.id],
        );
        if (rows[0].n < consultees.length) throw new Error(`${rows[0].n} of ${consultees.length} notified`);
      } else {
        const { rows } = await db.query(
          `SELECT 1 FROM consultations.outbox WHERE type = 'consultation.opened'
           AND envelope->'aggregate'->>'id' = $1 AND published_at IS NOT NULL`,
          [round.id],
        );
        if (!rows.length) throw new Error('not yet published');
      }
    },
    { timeoutMs: 60_000, intervalMs: 5 },
  );
  return performance.now() - started;
}

/**
 * C: consultation rounds. A round to all 311 regions and municipalities, from POST to 311 notifications (to the
 * event leaving the outbox while the notifications service does not take it); then 311 responses of five
 * comments each (save and submit) at 32 connections; then the report of that round (1,555 comments) as JSON,
 * one request at a time, and once as streamed CSV.
 */
export const consultationsScenario: Scenario = {
  id: 'C',
  title: 'consultations: a round to 311 organisations, their responses, the report',
  figures: () => [
    {
      key: 'open.p99',
      label: NOTIFIED
        ? 'POST /supports/{id}/consultations to 311 → 311 notifications, p99'
        : 'POST /supports/{id}/consultations to 311 → consultation.opened sent (no notifications consumer), p99',
      unit: 'ms',
      target: { op: '<=', value: 500, everyRun: true },
    },
    { key: 'responses.rps', label: '311 responses of 5 comments (save + submit), 32 connections', unit: 'responses/s' },
    { key: 'responses.lost', label: 'responses or comments not stored', unit: 'count', target: { op: '<=', value: 0 } },
    {
      key: 'report.p99',
      label: 'GET /consultations/{id}/report, 1,555 comments, one at a time, p99',
      unit: 'ms',
      target: { op: '<=', value: 200 },
    },
    { key: 'report.csv', label: 'GET /consultations/{id}/report as CSV (streamed, chunked)', unit: 'ms' },
  ],
  async run(context): Promise<Measurement> {
    const consultees = await regionsAndMunicipalities(context);
    const supportIds = await drafts(context, ROUNDS + 1);
    for (const id of consultees) context.gateway.headers(id); // tokens made before the clock runs

    const openings: number[] = [];
    for (const supportId of supportIds.slice(0, ROUNDS))
      openings.push(await openedToInboxes(context, supportId, consultees));
    openings.sort((a, b) => a - b);

    const round = await context.gateway.call<{ id: string }>(
      context.orgs.agency,
      'POST',
      `/supports/${supportIds[ROUNDS]}/consultations`,
      roundTo(consultees),
    );
    const path = `/consultations/${round.id}/responses/mine`;
    const response = (n: number) => ({
      answers: [{ questionId: 'q1', text: 'Ja, med stöd från regionen.' }],
      comments: Array.from({ length: COMMENTS_PER_RESPONSE }, (_, c) => ({
        sectionId: c === 0 ? undefined : `s${c}`,
        text: `Synpunkt ${c + 1} från organisation ${n}: förtydliga ansvarsfördelningen.`,
      })),
    });
    const respond = async (organisationId: string) => {
      const n = consultees.indexOf(organisationId);
      const headers = context.gateway.headers(organisationId);
      const saved = await fetch(context.system.url + path, {
        method: 'PUT',
        headers,
        body: JSON.stringify(response(n)),
      });
      if (saved.status !== 200) throw new Error(`C: save ${saved.status} ${await saved.text()}`);
      const submitted = await fetch(`${context.system.url}${path}/submit`, {
        method: 'POST',
        headers: { ...headers, 'If-Match': saved.headers.get('etag') ?? '' },
      });
      if (submitted.status !== 200) throw new Error(`C: submit ${submitted.status} ${await submitted.text()}`);
    };
    const responses = await timeRequests(consultees, consultees.length, RESPONSE_CONNECTIONS, respond);
    const { rows } = await context.system.db.query<{ responses: number; comments: number }>(
      `SELECT (SELECT count(*)::int FROM consultations.responses WHERE consultation_id = $1 AND status = 'submitted') AS responses,
              (SELECT count(*)::int FROM consultations.comments WHERE consultation_id = $1 AND submitted) AS comments`,
      [round.id],
    );
    const lost = consultees.length - rows[0].responses + (consultees.length * COMMENTS_PER_RESPONSE - rows[0].comments);

    await context.gateway.call(context.orgs.agency, 'POST', `/consultations/${round.id}/close`);
    const reportPath = `/consultations/${round.id}/report`;
    const read = async (target: string) => {
      const report = await context.gateway.call<{ progress: { total: number } }>(context.orgs.stockholm, 'GET', target);
      if (report.progress.total !== rows[0].comments) throw new Error(`C: the report counts ${report.progress.total}`);
    };
    for (let n = 0; n < 5; n++) await read(reportPath); // warm-up
    const reports = await timeRequests([reportPath], REPORT_REQUESTS, 1, read);

    const csvStarted = performance.now();
    const csv = await fetch(`${context.system.url}${reportPath}?format=csv`, {
      headers: context.gateway.headers(context.orgs.stockholm),
    });
    const text = await csv.text();
    const csvMs = performance.now() - csvStarted;
    if (csv.headers.get('transfer-encoding') !== 'chunked')
      throw new Error(`C: the CSV came with ${csv.headers.get('content-length')} bytes at once, not streamed`);
    if (text.trim().split('\n').length !== rows[0].comments + 1) throw new Error('C: the CSV lacks rows');

    return {
      'open.p99': percentile(openings, 0.99),
      'open.p50': percentile(openings, 0.5),
      'responses.rps': responses.perSecond,
      'responses.p99': percentile(responses.sorted, 0.99),
      'responses.lost': lost,
      'report.p50': percentile(reports.sorted, 0.5),
      'report.p99': percentile(reports.sorted, 0.99),
      'report.csv': csvMs,
    };
  },
};
