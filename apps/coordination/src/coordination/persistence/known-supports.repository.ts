import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { KnownSupport, mergeSupport, SupportChange } from '../domain/known-support';

interface SupportRow {
  id: string;
  lead_agency_id: string;
  co_producer_ids: string[];
  title: string;
  summary: string;
  area_code: string;
  sector: KnownSupport['sector'];
  target_groups: string[];
  audience: KnownSupport['audience'];
  answers_needs: string[];
  planned_release_date: string | null;
  status: KnownSupport['status'];
  aggregate_version: number;
  field_versions: Record<string, number>;
}

const COLUMNS = `id, lead_agency_id, co_producer_ids, title, summary, area_code, sector, target_groups, audience,
  answers_needs, to_char(planned_release_date, 'YYYY-MM-DD') AS planned_release_date, status, aggregate_version,
  field_versions`;

export function toKnownSupport(row: SupportRow): KnownSupport {
  return {
    supportId: row.id,
    leadAgencyId: row.lead_agency_id,
    coProducerIds: row.co_producer_ids,
    title: row.title,
    summary: row.summary,
    areaCode: row.area_code,
    sector: row.sector,
    targetGroups: row.target_groups,
    audience: row.audience,
    answersNeeds: row.answers_needs,
    plannedReleaseDate: row.planned_release_date,
    status: row.status,
    version: row.aggregate_version,
    fieldVersions: row.field_versions ?? {},
  };
}

/** The coordination service's projection of supports, kept from the support events. */
@Injectable()
export class KnownSupportsRepository {
  async find(manager: EntityManager, ids: readonly string[], lock = false): Promise<KnownSupport[]> {
    if (!ids.length) return [];
    const rows: SupportRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM supports WHERE id = ANY($1::uuid[]) ORDER BY id${lock ? ' FOR UPDATE' : ''}`,
      [ids],
    );
    return rows.map(toKnownSupport);
  }

  /**
   * Folds a change into the projection under the support's lock, so two events of one support processed at once
   * cannot each overwrite the other's result. Answers the state before and after.
   */
  async apply(
    manager: EntityManager,
    change: SupportChange,
  ): Promise<{ before: KnownSupport | null; after: KnownSupport }> {
    // A row lock cannot hold a support not yet known: two of its first events at once would each merge from
    // nothing. The support's advisory lock makes them take turns, the second reading what the first wrote.
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('coordination.support:' || $1))`, [change.supportId]);
    const [before = null] = await this.find(manager, [change.supportId], true);
    const after = mergeSupport(before, change);
    await manager.query(
      `INSERT INTO supports (id, lead_agency_id, co_producer_ids, title, summary, area_code, sector, target_groups,
         audience, answers_needs, planned_release_date, status, aggregate_version, field_versions)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (id) DO UPDATE SET lead_agency_id = $2, co_producer_ids = $3, title = $4, summary = $5,
         area_code = $6, sector = $7, target_groups = $8, audience = $9, answers_needs = $10,
         planned_release_date = $11, status = $12, aggregate_version = $13, field_versions = $14`,
      [
        after.supportId,
        after.leadAgencyId,
        after.coProducerIds,
        after.title,
        after.summary,
        after.areaCode,
        after.sector,
        after.targetGroups,
        JSON.stringify(after.audience),
        after.answersNeeds,
        after.plannedReleaseDate,
        after.status,
        after.version,
        JSON.stringify(after.fieldVersions),
      ],
    );
    return { before, after };
  }
}
