import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { decodeTimeIdCursor, Page, toPage } from '@styrkedjan/platform';
import { OverlapState, OverlapStatus } from '../domain/overlap';
import { OverlapView, toOverlapView } from '../views/overlap.view';

interface OverlapRow {
  id: string;
  kind: OverlapState['kind'];
  support_id: string;
  support_title: string;
  lead_agency_id: string;
  other_support_id: string | null;
  other_support_title: string | null;
  other_lead_agency_id: string;
  need_id: string | null;
  area_code: string;
  score: number;
  reasons: OverlapState['reasons'];
  audience: OverlapState['audience'];
  status: OverlapStatus;
  resolution: OverlapState['resolution'];
  rationale: string | null;
  resolved_by: string | null;
  co_producer: OverlapState['coProducer'];
  withdraw_support_id: string | null;
  detected_at: Date;
  resolved_at: Date | null;
  closed_at: Date | null;
  version: number;
}

function toState(row: OverlapRow): OverlapState {
  return {
    id: row.id,
    kind: row.kind,
    supportId: row.support_id,
    supportTitle: row.support_title,
    leadAgencyId: row.lead_agency_id,
    otherSupportId: row.other_support_id,
    otherSupportTitle: row.other_support_title,
    otherLeadAgencyId: row.other_lead_agency_id,
    needId: row.need_id,
    areaCode: row.area_code,
    score: row.score,
    reasons: row.reasons,
    audience: row.audience,
    status: row.status,
    resolution: row.resolution,
    rationale: row.rationale,
    resolvedBy: row.resolved_by,
    coProducer: row.co_producer,
    withdrawSupportId: row.withdraw_support_id,
    detectedAt: row.detected_at,
    resolvedAt: row.resolved_at,
    closedAt: row.closed_at,
    version: row.version,
  };
}

export interface OverlapFilter {
  status?: OverlapStatus;
  agencyId?: string;
  limit: number;
  cursor?: string;
}

/** The pair an overlap is about, in one order, so that A against B and B against A are one overlap. */
export function pairKey(kind: OverlapState['kind'], a: string, b: string): string {
  return kind === 'need' ? `need:${a}:${b}` : `support:${[a, b].sort().join(':')}`;
}

@Injectable()
export class OverlapsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records a new overlap; false when the pair already has one (open, resolved or closed: it is not found again). */
  async insert(manager: EntityManager, overlap: OverlapState, key: string): Promise<boolean> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO found_overlaps (id, pair_key, kind, support_id, support_title, lead_agency_id, other_support_id,
         other_support_title, other_lead_agency_id, need_id, area_code, score, reasons, audience, status,
         detected_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, 'open', $15, 1)
       ON CONFLICT (pair_key) DO NOTHING RETURNING id`,
      [
        overlap.id,
        key,
        overlap.kind,
        overlap.supportId,
        overlap.supportTitle,
        overlap.leadAgencyId,
        overlap.otherSupportId,
        overlap.otherSupportTitle,
        overlap.otherLeadAgencyId,
        overlap.needId,
        overlap.areaCode,
        overlap.score,
        JSON.stringify(overlap.reasons),
        JSON.stringify(overlap.audience),
        overlap.detectedAt,
      ],
    );
    return inserted.length > 0;
  }

  /** An open overlap found again: its score and reasons follow the draft; no new event. */
  async rescore(manager: EntityManager, key: string, score: number, reasons: OverlapState['reasons']): Promise<void> {
    await manager.query(`UPDATE found_overlaps SET score = $2, reasons = $3 WHERE pair_key = $1 AND status = 'open'`, [
      key,
      score,
      JSON.stringify(reasons),
    ]);
  }

  async find(id: string, manager: EntityManager = this.dataSource.manager, lock = false): Promise<OverlapState | null> {
    const rows: OverlapRow[] = await manager.query(
      `SELECT * FROM found_overlaps WHERE id = $1${lock ? ' FOR UPDATE' : ''}`,
      [id],
    );
    return rows.length ? toState(rows[0]) : null;
  }

  /** The open overlaps a support is in, locked: a withdrawal closes them. */
  async openOf(manager: EntityManager, supportId: string): Promise<OverlapState[]> {
    const rows: OverlapRow[] = await manager.query(
      `SELECT * FROM found_overlaps WHERE status = 'open' AND (support_id = $1 OR other_support_id = $1)
       ORDER BY id FOR UPDATE`,
      [supportId],
    );
    return rows.map(toState);
  }

  async save(manager: EntityManager, overlap: OverlapState): Promise<void> {
    await manager.query(
      `UPDATE found_overlaps SET status = $2, resolution = $3, rationale = $4, resolved_by = $5, co_producer = $6,
         withdraw_support_id = $7, resolved_at = $8, closed_at = $9, version = $10
       WHERE id = $1`,
      [
        overlap.id,
        overlap.status,
        overlap.resolution,
        overlap.rationale,
        overlap.resolvedBy,
        overlap.coProducer ? JSON.stringify(overlap.coProducer) : null,
        overlap.withdrawSupportId,
        overlap.resolvedAt,
        overlap.closedAt,
        overlap.version,
      ],
    );
  }

  /** Newest first, keyset-paginated on (detected_at, id); an agency's are those it leads either side of. */
  async list(filter: OverlapFilter): Promise<Page<OverlapView>> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    if (filter.status) conditions.push(`status = ${param(filter.status)}`);
    if (filter.agencyId) {
      const agency = param(filter.agencyId);
      conditions.push(`(lead_agency_id = ${agency} OR other_lead_agency_id = ${agency})`);
    }
    const after = decodeTimeIdCursor(filter.cursor);
    if (after) conditions.push(`(detected_at, id) < (${param(after.at)}::timestamptz, ${param(after.id)}::uuid)`);
    const rows: OverlapRow[] = await this.dataSource.query(
      `SELECT * FROM found_overlaps ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}
       ORDER BY detected_at DESC, id DESC LIMIT ${param(filter.limit + 1)}`,
      params,
    );
    return toPage(rows.map(toState), filter.limit, toOverlapView, (overlap) => [
      overlap.detectedAt.toISOString(),
      overlap.id,
    ]);
  }
}
