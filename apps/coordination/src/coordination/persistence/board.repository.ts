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

/** One board list as a keyset-paginated query: what it reads, how it narrows, and the key it is ordered by. */
interface ListQuery<T> {
  select: string;
  from: string;
  /** Conditions of the list and of an agency's narrowing; `param` adds a parameter and answers its reference. */
  where(param: (value: unknown) => string, filter: BoardFilter): string[];
  group?: string;
  /** The ordering key's columns with their casts, and whether it runs newest first. */
  key: { columns: [string, string][]; descending?: boolean };
  map(row: Row, filter: BoardFilter): T;
}

async function keysetPage<T>(db: DataSource, filter: BoardFilter, list: ListQuery<T>): Promise<Page<T>> {
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  const conditions = list.where(param, filter);
  const { columns, descending } = list.key;
  const after = decodeCursor(filter.cursor, columns.length);
  if (after)
    conditions.push(
      `(${columns.map(([column]) => column).join(', ')}) ${descending ? '<' : '>'} (${after
        .map((value, index) => `${param(value)}::${columns[index][1]}`)
        .join(', ')})`,
    );
  const rows: Row[] = await db.query(
    `SELECT ${list.select} FROM ${list.from}
     ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''} ${list.group ? `GROUP BY ${list.group}` : ''}
     ORDER BY ${columns.map(([column]) => `${column}${descending ? ' DESC' : ''}`).join(', ')}
     LIMIT ${param(filter.limit + 1)}`,
    params,
  );
  return toPage(
    rows,
    filter.limit,
    (row) => list.map(row, filter),
    (row) => columns.map(([column]) => cursorValue(row[column.split('.').pop()!])),
  );
}

function cursorValue(value: unknown): string | number {
  return value instanceof Date ? value.toISOString() : (value as string | number);
}

const iso = (value: unknown) => (value as Date).toISOString();
/** An agency's share of an overlap: it leads either of its two sides. */
const partyTo = (param: (value: unknown) => string, agencyId: string) => {
  const agency = param(agencyId);
  return `(lead_agency_id = ${agency} OR other_lead_agency_id = ${agency})`;
};

/**
 * The board's lists: open overlaps and collisions oldest first (the longest waiting on top), needs answered by or
 * assigned to more than one agency, supports counted per area and agency, and overlaps resolved, newest first. An
 * agency's board holds what it is party to or leads.
 */
const LISTS: { [L in BoardList]: ListQuery<BoardRows[L]> } = {
  'open-overlaps': {
    select: `id, kind, support_id, support_title, lead_agency_id, other_support_id, other_support_title,
             other_lead_agency_id, need_id, area_code, score, detected_at`,
    from: 'found_overlaps',
    where: (param, filter) => [`status = 'open'`, ...(filter.agencyId ? [partyTo(param, filter.agencyId)] : [])],
    key: {
      columns: [
        ['detected_at', 'timestamptz'],
        ['id', 'uuid'],
      ],
    },
    map: (row, filter) => ({
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
      detectedAt: iso(row.detected_at),
      ageDays: ageInDays(row.detected_at as Date, filter.now),
    }),
  },
  'open-collisions': {
    select: `id, audience_key, to_char(window_from, 'YYYY-MM-DD') AS window_from,
             to_char(window_to, 'YYYY-MM-DD') AS window_to, support_ids, lead_agency_ids, detected_at`,
    from: 'collisions',
    where: (param, filter) => [
      `status = 'open'`,
      ...(filter.agencyId ? [`${param(filter.agencyId)}::uuid = ANY(lead_agency_ids)`] : []),
    ],
    key: {
      columns: [
        ['detected_at', 'timestamptz'],
        ['id', 'uuid'],
      ],
    },
    map: (row, filter) => ({
      collisionId: row.id as string,
      audience: row.audience_key as string,
      from: row.window_from as string,
      to: row.window_to as string,
      supportCount: (row.support_ids as string[]).length,
      supportIds: row.support_ids as string[],
      leadAgencyIds: row.lead_agency_ids as string[],
      detectedAt: iso(row.detected_at),
      ageDays: ageInDays(row.detected_at as Date, filter.now),
    }),
  },
  'contested-needs': {
    select: 'need_id, assigned_to, agency_ids, support_ids',
    // Worked out at each request: one pass over the supports that answer needs.
    from: `(WITH answering AS (
              SELECT need_id, s.lead_agency_id, s.id AS support_id
              FROM supports s, unnest(s.answers_needs) AS need_id WHERE s.status <> 'withdrawn'
            ),
            needs AS (
              SELECT need_id, array_agg(DISTINCT support_id ORDER BY support_id) AS support_ids,
                     array_agg(DISTINCT lead_agency_id ORDER BY lead_agency_id) AS answering
              FROM answering GROUP BY need_id
            )
            SELECT n.need_id, a.lead_agency_id AS assigned_to, n.support_ids,
                   ARRAY(SELECT DISTINCT x FROM unnest(n.answering || a.lead_agency_id) x
                         WHERE x IS NOT NULL ORDER BY x) AS agency_ids
            FROM needs n LEFT JOIN assigned_needs a ON a.need_id = n.need_id) AS contested`,
    where: (param, filter) => [
      'cardinality(agency_ids) > 1',
      ...(filter.agencyId ? [`${param(filter.agencyId)}::uuid = ANY(agency_ids)`] : []),
    ],
    key: { columns: [['need_id', 'uuid']] },
    map: (row) => ({
      needId: row.need_id as string,
      assignedTo: row.assigned_to as string | null,
      agencyIds: row.agency_ids as string[],
      supportIds: row.support_ids as string[],
    }),
  },
  'supports-by-area': {
    select: `area_code, lead_agency_id, count(*) FILTER (WHERE status = 'draft')::int AS drafts,
             count(*) FILTER (WHERE status = 'published')::int AS published`,
    from: 'supports',
    where: (param, filter) => [
      `status <> 'withdrawn'`,
      ...(filter.agencyId ? [`lead_agency_id = ${param(filter.agencyId)}`] : []),
    ],
    group: 'area_code, lead_agency_id',
    key: {
      columns: [
        ['area_code', 'text'],
        ['lead_agency_id', 'uuid'],
      ],
    },
    map: (row) => ({
      areaCode: row.area_code as string,
      leadAgencyId: row.lead_agency_id as string,
      drafts: row.drafts as number,
      published: row.published as number,
    }),
  },
  'recently-resolved': {
    select: `id, support_id, support_title, other_support_id, other_support_title, need_id, resolution, rationale,
             resolved_by, resolved_at`,
    from: 'found_overlaps',
    where: (param, filter) => [`status = 'resolved'`, ...(filter.agencyId ? [partyTo(param, filter.agencyId)] : [])],
    key: {
      columns: [
        ['resolved_at', 'timestamptz'],
        ['id', 'uuid'],
      ],
      descending: true,
    },
    map: (row) => ({
      overlapId: row.id as string,
      supportId: row.support_id as string,
      supportTitle: row.support_title as string,
      otherSupportId: row.other_support_id as string | null,
      otherSupportTitle: row.other_support_title as string | null,
      needId: row.need_id as string | null,
      resolution: row.resolution as string,
      rationale: row.rationale as string,
      resolvedBy: row.resolved_by as string,
      resolvedAt: iso(row.resolved_at),
    }),
  },
};

@Injectable()
export class BoardRepository {
  constructor(private readonly dataSource: DataSource) {}

  async list<L extends BoardList>(list: L, filter: BoardFilter): Promise<Page<BoardRows[L]>> {
    return keysetPage(this.dataSource, filter, LISTS[list] as ListQuery<BoardRows[L]>);
  }
}
