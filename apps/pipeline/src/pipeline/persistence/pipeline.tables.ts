import type { EntityManager } from 'typeorm';
import type { Sector } from '@styrkedjan/contracts';
import { instant, NeedRow, NeedStage, StageCount, SupportRow } from '../domain/pipeline';

/**
 * The SQL both writers share: the live consumer upserts the few rows one event changed, the replay
 * bulk-inserts the whole pipeline. Rows travel as one JSON array per statement (jsonb_to_recordset),
 * so a batch costs one round trip whatever its size.
 */

const NEED_RECORD = `need_id uuid, title text, area_code text, sector text, organisation_id uuid, described_by int,
  stage text, stage_version int, reopened boolean, identified_at timestamptz, first_drafted_at timestamptz,
  first_published_at timestamptz`;
const NEED_COLUMNS =
  'need_id, title, area_code, sector, organisation_id, described_by, stage, stage_version, reopened, identified_at, ' +
  'first_drafted_at, first_published_at';

const SUPPORT_RECORD = `support_id uuid, title text, area_code text, sector text, lead_agency_id uuid, described_by int,
  drafted_at timestamptz, published_at timestamptz, first_feedback_at timestamptz, feedback_count int,
  consultation_opened_at timestamptz, consultation_closed_at timestamptz, rounds_opened int, rounds_closed int,
  revised_at timestamptz, withdrawn_at timestamptz`;
const SUPPORT_COLUMNS =
  'support_id, title, area_code, sector, lead_agency_id, described_by, drafted_at, published_at, first_feedback_at, feedback_count, ' +
  'consultation_opened_at, consultation_closed_at, rounds_opened, rounds_closed, revised_at, withdrawn_at';

/** The read-model tables, in the order a replay locks and empties them. */
export const PIPELINE_TABLES = [
  'pipeline_needs',
  'pipeline_supports',
  'pipeline_support_needs',
  'pipeline_stage_counts',
] as const;

/** A row of pipeline_needs as the statements here write it, and as json_agg reads it back (timestamps as text). */
export interface NeedRecord {
  need_id: string;
  title: string | null;
  area_code: string | null;
  sector: Sector | null;
  organisation_id: string | null;
  described_by: number;
  stage: NeedStage | null;
  stage_version: number;
  reopened: boolean;
  identified_at: string | Date | null;
  first_drafted_at: string | Date | null;
  first_published_at: string | Date | null;
}

/** A row of pipeline_supports, likewise. */
export interface SupportRecord {
  support_id: string;
  title: string | null;
  area_code: string | null;
  sector: Sector | null;
  lead_agency_id: string | null;
  described_by: number;
  drafted_at: string | Date | null;
  published_at: string | Date | null;
  first_feedback_at: string | Date | null;
  feedback_count: number;
  consultation_opened_at: string | Date | null;
  consultation_closed_at: string | Date | null;
  rounds_opened: number;
  rounds_closed: number;
  revised_at: string | Date | null;
  withdrawn_at: string | Date | null;
}

export function needRecord(need: NeedRow): NeedRecord {
  return {
    need_id: need.needId,
    title: need.title,
    area_code: need.areaCode,
    sector: need.sector,
    organisation_id: need.organisationId,
    described_by: need.describedBy,
    stage: need.stage,
    stage_version: need.stageVersion,
    reopened: need.reopened,
    identified_at: need.identifiedAt,
    first_drafted_at: need.firstDraftedAt,
    first_published_at: need.firstPublishedAt,
  };
}

export function supportRecord(support: SupportRow): SupportRecord {
  return {
    support_id: support.supportId,
    title: support.title,
    area_code: support.areaCode,
    sector: support.sector,
    lead_agency_id: support.leadAgencyId,
    described_by: support.describedBy,
    drafted_at: support.draftedAt,
    published_at: support.publishedAt,
    first_feedback_at: support.firstFeedbackAt,
    feedback_count: support.feedbackCount,
    consultation_opened_at: support.consultationOpenedAt,
    consultation_closed_at: support.consultationClosedAt,
    rounds_opened: support.roundsOpened,
    rounds_closed: support.roundsClosed,
    revised_at: support.revisedAt,
    withdrawn_at: support.withdrawnAt,
  };
}

/** A row as PostgreSQL returns it (row_to_json: timestamps as text in the session's zone) back into the domain's shape. */
export function toNeedRow(row: NeedRecord): NeedRow {
  return {
    needId: row.need_id,
    title: row.title,
    areaCode: row.area_code,
    sector: row.sector,
    organisationId: row.organisation_id,
    describedBy: row.described_by,
    stage: row.stage,
    stageVersion: row.stage_version,
    reopened: row.reopened,
    identifiedAt: orNull(row.identified_at),
    firstDraftedAt: orNull(row.first_drafted_at),
    firstPublishedAt: orNull(row.first_published_at),
  };
}

export function toSupportRow(row: SupportRecord): SupportRow {
  return {
    supportId: row.support_id,
    title: row.title,
    areaCode: row.area_code,
    sector: row.sector,
    leadAgencyId: row.lead_agency_id,
    describedBy: row.described_by,
    draftedAt: orNull(row.drafted_at),
    publishedAt: orNull(row.published_at),
    firstFeedbackAt: orNull(row.first_feedback_at),
    feedbackCount: row.feedback_count,
    consultationOpenedAt: orNull(row.consultation_opened_at),
    consultationClosedAt: orNull(row.consultation_closed_at),
    roundsOpened: row.rounds_opened,
    roundsClosed: row.rounds_closed,
    revisedAt: orNull(row.revised_at),
    withdrawnAt: orNull(row.withdrawn_at),
  };
}

function orNull(value: string | Date | null): string | null {
  return value === null || value === undefined ? null : instant(value);
}

export async function upsertNeeds(
  manager: EntityManager,
  needs: NeedRow[],
  onConflict: 'update' | 'none' = 'update',
): Promise<void> {
  if (needs.length === 0) return;
  await manager.query(
    `INSERT INTO pipeline_needs (${NEED_COLUMNS})
     SELECT ${NEED_COLUMNS} FROM jsonb_to_recordset($1::jsonb) AS r(${NEED_RECORD})
     ${onConflict === 'update' ? `ON CONFLICT (need_id) DO UPDATE SET ${updateAll(NEED_COLUMNS, 'need_id')}` : ''}`,
    [JSON.stringify(needs.map(needRecord))],
  );
}

export async function upsertSupports(
  manager: EntityManager,
  supports: SupportRow[],
  onConflict: 'update' | 'none' = 'update',
): Promise<void> {
  if (supports.length === 0) return;
  await manager.query(
    `INSERT INTO pipeline_supports (${SUPPORT_COLUMNS})
     SELECT ${SUPPORT_COLUMNS} FROM jsonb_to_recordset($1::jsonb) AS r(${SUPPORT_RECORD})
     ${onConflict === 'update' ? `ON CONFLICT (support_id) DO UPDATE SET ${updateAll(SUPPORT_COLUMNS, 'support_id')}` : ''}`,
    [JSON.stringify(supports.map(supportRecord))],
  );
}

/** Links as two parallel uuid arrays: cheaper than JSON for the most numerous rows. */
export async function insertLinks(manager: EntityManager, links: [string, string][]): Promise<void> {
  if (links.length === 0) return;
  await manager.query(
    `INSERT INTO pipeline_support_needs (support_id, need_id)
     SELECT * FROM unnest($1::uuid[], $2::uuid[]) ON CONFLICT DO NOTHING`,
    [links.map(([supportId]) => supportId), links.map(([, needId]) => needId)],
  );
}

/**
 * Adds the deltas to the counts: existing rows are updated, missing ones inserted, in one statement.
 * Not INSERT ... ON CONFLICT: PostgreSQL checks the proposed row against CHECK (count >= 0) before it
 * finds the conflict, so a negative delta would fail even though it only updates. No race between the
 * UPDATE and the INSERT: consumers are serialised by the event-log append. A count that reaches zero is
 * deleted rather than kept, so the live table holds exactly the rows a replay (which only writes
 * non-zero counts) produces.
 */
export async function addToStageCounts(manager: EntityManager, deltas: StageCount[]): Promise<void> {
  if (deltas.length === 0) return;
  await manager.query(
    `WITH delta AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(area_code text, sector text, item text, stage text, count int)
     ), updated AS (
       UPDATE pipeline_stage_counts c SET count = c.count + delta.count FROM delta
       WHERE (c.area_code, c.sector, c.item, c.stage) = (delta.area_code, delta.sector, delta.item, delta.stage)
       RETURNING c.area_code, c.sector, c.item, c.stage
     )
     INSERT INTO pipeline_stage_counts (area_code, sector, item, stage, count)
     SELECT area_code, sector, item, stage, count FROM delta
     WHERE (area_code, sector, item, stage) NOT IN (SELECT area_code, sector, item, stage FROM updated)`,
    [
      JSON.stringify(
        deltas.map(({ areaCode, sector, item, stage, count }) => ({ area_code: areaCode, sector, item, stage, count })),
      ),
    ],
  );
  if (deltas.some((delta) => delta.count < 0)) await manager.query('DELETE FROM pipeline_stage_counts WHERE count = 0');
}

function updateAll(columns: string, key: string): string {
  return columns
    .split(',')
    .map((column) => column.trim())
    .filter((column) => column !== key)
    .map((column) => `${column} = excluded.${column}`)
    .join(', ');
}
