import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { audienceCells, AudienceCell } from '../domain/audience';
import { PlannedRelease } from '../domain/collisions';
import { KnownSupport } from '../domain/known-support';

export type CalendarEntryKind = 'release' | 'consultation-closing';

export interface CalendarEntry {
  itemId: string;
  kind: CalendarEntryKind;
  audienceKey: string;
  organisationKind: AudienceCell['organisationKind'];
  sector: AudienceCell['sector'];
  profession: string | null;
  day: string;
  supportId: string;
  title: string;
  leadAgencyId: string;
}

/** One audience cell's load in one ISO week. */
export interface WeekLoad {
  /** The week's Monday. */
  start: string;
  audienceKey: string;
  organisationKind: AudienceCell['organisationKind'];
  sector: AudienceCell['sector'];
  profession: string | null;
  releases: number;
  consultationsClosing: number;
}

/** At most this many week × cell rows: two years of every cell there can be, with room. */
const MAX_CELLS = 50_000;

const ENTRY_COLUMNS = `SELECT item_id AS "itemId", kind, audience_key AS "audienceKey",
  organisation_kind AS "organisationKind", sector, profession, to_char(day, 'YYYY-MM-DD') AS day,
  support_id AS "supportId", title, lead_agency_id AS "leadAgencyId" FROM calendar_entries`;

/** The range and narrowing of a calendar request as SQL conditions. */
function narrowed(filter: CalendarFilter) {
  const params: unknown[] = [filter.from, filter.to];
  const param = (value: unknown) => `$${params.push(value)}`;
  const conditions = ['day BETWEEN $1::date AND $2::date'];
  if (filter.audienceKey) conditions.push(`audience_key = ${param(filter.audienceKey)}`);
  if (filter.agencyId) conditions.push(`lead_agency_id = ${param(filter.agencyId)}`);
  return { conditions, params, param };
}

export interface CalendarFilter {
  from: string;
  to: string;
  audienceKey?: string;
  agencyId?: string;
}

/** The calendar's entries: one per planned release or closing consultation and audience cell it reaches. */
@Injectable()
export class CalendarRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Lays a support's entries anew (its planned release and the closing days of its consultation rounds, in every
   * cell of its audience) and answers the cells it reached before and after, whose collisions may have changed.
   */
  async relay(manager: EntityManager, support: KnownSupport): Promise<string[]> {
    const removed: { audience_key: string; kind: CalendarEntryKind }[] = await manager.query(
      `DELETE FROM calendar_entries WHERE support_id = $1 RETURNING audience_key, kind`,
      [support.supportId],
    );
    const before = removed.filter((row) => row.kind === 'release');
    if (support.status === 'withdrawn') return [...new Set(before.map((row) => row.audience_key))];
    const cells = audienceCells(support.audience, support.sector);
    const consultations: { id: string; day: string }[] = await manager.query(
      `SELECT id, to_char(closes_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') AS day
       FROM consultations WHERE support_id = $1`,
      [support.supportId],
    );
    const items: { itemId: string; kind: CalendarEntryKind; day: string }[] = [
      ...(support.plannedReleaseDate
        ? [{ itemId: support.supportId, kind: 'release' as const, day: support.plannedReleaseDate }]
        : []),
      ...consultations.map((round) => ({ itemId: round.id, kind: 'consultation-closing' as const, day: round.day })),
    ];
    const entries = items.flatMap((item) =>
      cells.map((cell) => ({
        ...item,
        audienceKey: cell.key,
        organisationKind: cell.organisationKind,
        sector: cell.sector,
        profession: cell.profession,
        supportId: support.supportId,
        title: support.title,
        leadAgencyId: support.leadAgencyId,
      })),
    );
    if (entries.length) {
      await manager.query(
        `INSERT INTO calendar_entries (item_id, kind, audience_key, organisation_kind, sector, profession, day,
           support_id, title, lead_agency_id)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::date[],
           $8::uuid[], $9::text[], $10::uuid[])`,
        [
          entries.map((entry) => entry.itemId),
          entries.map((entry) => entry.kind),
          entries.map((entry) => entry.audienceKey),
          entries.map((entry) => entry.organisationKind),
          entries.map((entry) => entry.sector),
          entries.map((entry) => entry.profession),
          entries.map((entry) => entry.day),
          entries.map((entry) => entry.supportId),
          entries.map((entry) => entry.title),
          entries.map((entry) => entry.leadAgencyId),
        ],
      );
    }
    const after = entries.filter((entry) => entry.kind === 'release').map((entry) => entry.audienceKey);
    return [...new Set([...before.map((row) => row.audience_key), ...after])];
  }

  /** Every planned release to one audience cell, earliest first: what its collisions are worked out from. */
  async releasesTo(manager: EntityManager, audienceKey: string): Promise<PlannedRelease[]> {
    return manager.query(
      `SELECT support_id AS "supportId", title, lead_agency_id AS "leadAgencyId",
              to_char(day, 'YYYY-MM-DD') AS date
       FROM calendar_entries WHERE audience_key = $1 AND kind = 'release' ORDER BY day, support_id`,
      [audienceKey],
    );
  }

  /** The load of each audience cell per ISO week (its Monday): releases and closing consultations counted. */
  async loads(filter: CalendarFilter): Promise<WeekLoad[]> {
    const { conditions, params, param } = narrowed(filter);
    return this.dataSource.query(
      `SELECT to_char(date_trunc('week', day), 'YYYY-MM-DD') AS start, audience_key AS "audienceKey",
              organisation_kind AS "organisationKind", sector, profession,
              count(*) FILTER (WHERE kind = 'release')::int AS releases,
              count(*) FILTER (WHERE kind = 'consultation-closing')::int AS "consultationsClosing"
       FROM calendar_entries WHERE ${conditions.join(' AND ')}
       GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2 LIMIT ${param(MAX_CELLS)}`,
      params,
    );
  }

  /** Releases to municipal audiences in July or within one of the given periods (the weeks around Christmas). */
  async municipalReleasesIn(filter: CalendarFilter, periods: { from: string; to: string }[]): Promise<CalendarEntry[]> {
    const { conditions, params, param } = narrowed(filter);
    conditions.push(`kind = 'release'`, `organisation_kind = 'municipality'`);
    conditions.push(
      `(extract(month FROM day) = 7 OR EXISTS (SELECT 1 FROM unnest(${param(periods.map((p) => p.from))}::date[],
         ${param(periods.map((p) => p.to))}::date[]) AS period (first, last) WHERE day BETWEEN period.first AND period.last))`,
    );
    return this.dataSource.query(
      `${ENTRY_COLUMNS} WHERE ${conditions.join(' AND ')} ORDER BY day, audience_key, item_id`,
      params,
    );
  }

  /** The entries of a range of days, narrowed to an audience cell and/or an agency, in day order. */
  async entries(filter: CalendarFilter): Promise<CalendarEntry[]> {
    const { conditions, params } = narrowed(filter);
    return this.dataSource.query(
      `${ENTRY_COLUMNS} WHERE ${conditions.join(' AND ')} ORDER BY day, audience_key, kind, item_id`,
      params,
    );
  }
}
