import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { AudienceCell } from '../domain/audience';

export interface CollisionState {
  id: string;
  audience: AudienceCell;
  from: string;
  to: string;
  supportIds: string[];
  leadAgencyIds: string[];
  status: 'open' | 'cleared';
  detectedAt: Date;
  clearedAt: Date | null;
  version: number;
}

interface CollisionRow {
  id: string;
  audience: AudienceCell;
  window_from: string;
  window_to: string;
  support_ids: string[];
  lead_agency_ids: string[];
  status: CollisionState['status'];
  detected_at: Date;
  cleared_at: Date | null;
  version: number;
}

const COLUMNS = `id, audience, to_char(window_from, 'YYYY-MM-DD') AS window_from,
  to_char(window_to, 'YYYY-MM-DD') AS window_to, support_ids, lead_agency_ids, status, detected_at, cleared_at, version`;

function toState(row: CollisionRow): CollisionState {
  return {
    id: row.id,
    audience: row.audience,
    from: row.window_from,
    to: row.window_to,
    supportIds: row.support_ids,
    leadAgencyIds: row.lead_agency_ids,
    status: row.status,
    detectedAt: row.detected_at,
    clearedAt: row.cleared_at,
    version: row.version,
  };
}

@Injectable()
export class CollisionsRepository {
  /** The open collisions of an audience cell, locked: its evaluation replaces them. */
  async openFor(manager: EntityManager, audienceKey: string): Promise<CollisionState[]> {
    const rows: CollisionRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM collisions WHERE audience_key = $1 AND status = 'open' ORDER BY id FOR UPDATE`,
      [audienceKey],
    );
    return rows.map(toState);
  }

  /** Open collisions of a range of days (any audience, or one). */
  async openBetween(manager: EntityManager, from: string, to: string, audienceKey?: string): Promise<CollisionState[]> {
    const rows: CollisionRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM collisions
       WHERE status = 'open' AND window_from <= $2::date AND window_to >= $1::date
         AND ($3::text IS NULL OR audience_key = $3)
       ORDER BY window_from, id`,
      [from, to, audienceKey ?? null],
    );
    return rows.map(toState);
  }

  async save(manager: EntityManager, collision: CollisionState): Promise<void> {
    await manager.query(
      `INSERT INTO collisions (id, audience_key, audience, window_from, window_to, support_ids, lead_agency_ids,
         status, detected_at, cleared_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (id) DO UPDATE SET window_from = $4, window_to = $5, support_ids = $6, lead_agency_ids = $7,
         status = $8, detected_at = $9, cleared_at = $10, version = $11`,
      [
        collision.id,
        collision.audience.key,
        JSON.stringify(collision.audience),
        collision.from,
        collision.to,
        collision.supportIds,
        collision.leadAgencyIds,
        collision.status,
        collision.detectedAt,
        collision.clearedAt,
        collision.version,
      ],
    );
  }
}
