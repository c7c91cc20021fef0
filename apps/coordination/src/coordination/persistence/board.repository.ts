import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { decodeCursor, Page, toPage } from '@styrkedjan/platform';
import { ageInDays, BoardList } from '../domain/board';
import { BoardRows } from '../views/board.view';

export interface BoardFilter {
  agencyId?: string;
  limit: number;
  cursor?: string;
  now: Date;
}

type Row = Record<string, unknown>;

/**
 * The board's lists, each one keyset-paginated query: open overlaps and collisions oldest first (the longest
 * waiting on top), needs more than one agency answers or was assigned, supports counted per area and agency, and
 * overlaps resolved, newest first. An agency's board holds what it is party to.
 */
@Injectable()
export class BoardRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list<L extends BoardList>(list: L, filter: BoardFilter): Promise<Page<BoardRows[L]>> {
    const read = LISTS[list] as (db: DataSource, filter: BoardFilter) => Promise<Page<BoardRows[L]>>;
    return read(this.dataSource, filter);
  }
}

/** Builds a query's parameters and the keyset condition of its cursor. */
function query(filter: BoardFilter, arity: number) {
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const after = decodeCursor(filter.cursor, arity);
  return { params, param, after };
}

const LISTS: { [L in BoardList]: (db: DataSource, filter: BoardFilter) => Promise<Page<BoardRows[L]>> } = {
  async 'open-overlaps'(db, filter) {
    const { params, param, after } = query(filter, 2);
    const conditions = [`status = 'open'`];
    if (filter.agencyId)
      conditions.push(`(lead_agency_id = ${param(filter.agencyId)} OR other_lead_agency_id = $${params.length})`);
    if (after) conditions.push(`(detected_at, id) > (${param(after[0])}::timestamptz, ${param(after[1])}::uuid)`);
    const rows: Row[] = await db.query(
      `SELECT id, kind, support_id, support_title, lead_agency_id, other_support_id, other_support_title,
              other_lead_agency_id, need_id, area_code, score, detected_at
       FROM found_overlaps WHERE ${conditions.join(' AND ')}
       ORDER BY detected_at, id LIMIT ${param(filter.limit + 1)}`,
      params,
    );
    return toPage(
      rows,
      filter.limit,
      (row) => ({
        overlapId: row.id as string,
        kind: row.kind as string,
        supportId: row.support_id as string,
        supportTitle: row.support_title as string,
        leadAgencyId: row.lead_agency_id as string,
        otherSupportId: row.other_support_id as string | null,
        otherSupportTitle: row.other_support_title as string | null,
        otherLeadAgencyId: row.other_lead_agency_id as string,
        needId: row.need_id as string | null,
        areaCode: row.area_code as string,
        score: row.score as number,
        detectedAt: (row.detected_at as Date).toISOString(),
        ageDays: ageInDays(row.detected_at as Date, filter.now),
      }),
      (row) => [(row.detected_at as Date).toISOString(), row.id as string],
    );
  },

  async 'open-collisions'(db, filter) {
    const { params, param, after } = query(filter, 2);
    const conditions = [`status = 'open'`];
    if (filter.agencyId) conditions.push(`${param(filter.agencyId)}::uuid = ANY(lead_agency_ids)`);
    if (after) conditions.push(`(detected_at, id) > (${param(after[0])}::timestamptz, ${param(after[1])}::uuid)`);
    const rows: Row[] = await db.query(
      `SELECT id, audience_key, to_char(window_from, 'YYYY-MM-DD') AS window_from,
              to_char(window_to, 'YYYY-MM-DD') AS window_to, support_ids, lead_agency_ids, detected_at
       FROM collisions WHERE ${conditions.join(' AND ')}
       ORDER BY detected_at, id LIMIT ${param(filter.limit + 1)}`,
      params,
    );
    return toPage(
      rows,
      filter.limit,
      (row) => ({
        collisionId: row.id as string,
        audience: row.audience_key as string,
        from: row.window_from as string,
        to: row.window_to as string,
        supportCount: (row.support_ids as string[]).length,
        supportIds: row.support_ids as string[],
        leadAgencyIds: row.lead_agency_ids as string[],
        detectedAt: (row.detected_at as Date).toISOString(),
        ageDays: ageInDays(row.detected_at as Date, filter.now),
      }),
      (row) => [(row.detected_at as Date).toISOString(), row.id as string],
    );
  },

  async 'contested-needs'(db, filter) {
    const { params, param, after } = query(filter, 1);
    const conditions: string[] = [];
    if (filter.agencyId) conditions.push(`${param(filter.agencyId)}::uuid = ANY(agency_ids)`);
    if (after) conditions.push(`need_id > ${param(after[0])}::uuid`);
    const rows: Row[] = await db.query(
      `WITH answering AS (
         SELECT need_id, s.lead_agency_id, s.id AS support_id
         FROM supports s, unnest(s.answers_needs) AS need_id
         WHERE s.status <> 'withdrawn'
       ),
       needs AS (
         SELECT need_id, array_agg(DISTINCT support_id ORDER BY support_id) AS support_ids,
                array_agg(DISTINCT lead_agency_id ORDER BY lead_agency_id) AS answering_agency_ids
         FROM answering GROUP BY need_id
       ),
       contested AS (
         SELECT n.need_id, a.lead_agency_id AS assigned_to, n.support_ids,
                ARRAY(SELECT DISTINCT x FROM unnest(n.answering_agency_ids || a.lead_agency_id) x
                      WHERE x IS NOT NULL ORDER BY x) AS agency_ids
         FROM needs n LEFT JOIN assigned_needs a ON a.need_id = n.need_id
       )
       SELECT * FROM contested WHERE cardinality(agency_ids) > 1
         ${conditions.length ? `AND ${conditions.join(' AND ')}` : ''}
       ORDER BY need_id LIMIT ${param(filter.limit + 1)}`,
      params,
    );
    return toPage(
      rows,
      filter.limit,
      (row) => ({
        needId: row.need_id as string,
        assignedTo: row.assigned_to as string | null,
        agencyIds: row.agency_ids as string[],
        supportIds: row.support_ids as string[],
      }),
      (row) => [row.need_id as string],
    );
  },

  async 'supports-by-area'(db, filter) {
    const { params, param, after } = query(filter, 2);
    const conditions = [`status <> 'withdrawn'`];
    if (filter.agencyId) conditions.push(`lead_agency_id = ${param(filter.agencyId)}`);
    if (after) conditions.push(`(area_code, lead_agency_id) > (${param(after[0])}, ${param(after[1])}::uuid)`);
    const rows: Row[] = await db.query(
      `SELECT area_code, lead_agency_id, count(*) FILTER (WHERE status = 'draft')::int AS drafts,
              count(*) FILTER (WHERE status = 'published')::int AS published
       FROM supports WHERE ${conditions.join(' AND ')}
       GROUP BY area_code, lead_agency_id ORDER BY area_code, lead_agency_id LIMIT ${param(filter.limit + 1)}`,
      params,
    );
    return toPage(
      rows,
      filter.limit,
      (row) => ({
        areaCode: row.area_code as string,
        leadAgencyId: row.lead_agency_id as string,
        drafts: row.drafts as number,
        published: row.published as number,
      }),
      (row) => [row.area_code as string, row.lead_agency_id as string],
    );
  },

  async 'recently-resolved'(db, filter) {
    const { params, param, after } = query(filter, 2);
    const conditions = [`status = 'resolved'`];
    if (filter.agencyId)
      conditions.push(`(lead_agency_id = ${param(filter.agencyId)} OR other_lead_agency_id = $${params.length})`);
    if (after) conditions.push(`(resolved_at, id) < (${param(after[0])}::timestamptz, ${param(after[1])}::uuid)`);
    const rows: Row[] = await db.query(
      `SELECT id, support_id, support_title, other_support_id, other_support_title, need_id, resolution, rationale,
              resolved_by, resolved_at
       FROM found_overlaps WHERE ${conditions.join(' AND ')}
       ORDER BY resolved_at DESC, id DESC LIMIT ${param(filter.limit + 1)}`,
      params,
    );
    return toPage(
      rows,
      filter.limit,
      (row) => ({
        overlapId: row.id as string,
        supportId: row.support_id as string,
        supportTitle: row.support_title as string,
        otherSupportId: row.other_support_id as string | null,
        otherSupportTitle: row.other_support_title as string | null,
        needId: row.need_id as string | null,
        resolution: row.resolution as string,
        rationale: row.rationale as string,
        resolvedBy: row.resolved_by as string,
        resolvedAt: (row.resolved_at as Date).toISOString(),
      }),
      (row) => [(row.resolved_at as Date).toISOString(), row.id as string],
    );
  },
};
