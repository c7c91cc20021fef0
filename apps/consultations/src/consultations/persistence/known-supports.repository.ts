import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { KnownSupport } from '../domain/consultation';
import { SupportRow, toSupport } from './rows';

/** What a support event says of the support: the fields it carries, the rest left as they were. */
export interface SupportChange {
  supportId: string;
  leadAgencyId: string;
  title?: string;
  areaCode?: string;
  status?: KnownSupport['status'];
  /** undefined: unchanged; null: no draft edition open any more. */
  draftEdition?: string | null;
  aggregateVersion: number;
}

@Injectable()
export class KnownSupportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<KnownSupport | null> {
    const rows: SupportRow[] = await manager.query('SELECT * FROM known_supports WHERE support_id = $1', [id]);
    return rows.length ? toSupport(rows[0]) : null;
  }

  /**
   * Folds a support event into the projection: the highest aggregate version wins, so a late or repeated event
   * changes nothing, and a withdrawn support stays withdrawn whatever arrives after. A row first seen through a
   * later event gets placeholders that the fields of any event complete.
   */
  async apply(manager: EntityManager, change: SupportChange): Promise<void> {
    await manager.query(
      `INSERT INTO known_supports AS s (support_id, lead_agency_id, title, area_code, status, draft_edition, aggregate_version)
       VALUES ($1, $2, coalesce($3, ''), coalesce($4, ''), coalesce($5, 'draft'), $6, $7)
       ON CONFLICT (support_id) DO UPDATE SET
         lead_agency_id = $2,
         title = coalesce($3, s.title),
         area_code = coalesce($4, s.area_code),
         status = CASE WHEN s.status = 'withdrawn' THEN s.status ELSE coalesce($5, s.status) END,
         draft_edition = CASE WHEN $8 THEN $6 ELSE s.draft_edition END,
         aggregate_version = $7
       WHERE s.aggregate_version < $7`,
      [
        change.supportId,
        change.leadAgencyId,
        change.title ?? null,
        change.areaCode ?? null,
        change.status ?? null,
        change.draftEdition ?? null,
        change.aggregateVersion,
        change.draftEdition !== undefined,
      ],
    );
  }
}
