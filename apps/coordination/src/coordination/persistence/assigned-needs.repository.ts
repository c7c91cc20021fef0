import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Needs a steering group accepted and assigned to a lead agency, kept from need.triaged. */
@Injectable()
export class AssignedNeedsRepository {
  /** The latest triage wins; an older one arriving late changes nothing. */
  async apply(manager: EntityManager, needId: string, leadAgencyId: string | null, version: number): Promise<void> {
    await manager.query(
      `INSERT INTO assigned_needs (need_id, lead_agency_id, aggregate_version) VALUES ($1, $2, $3)
       ON CONFLICT (need_id) DO UPDATE SET lead_agency_id = $2, aggregate_version = $3
       WHERE assigned_needs.aggregate_version < $3`,
      [needId, leadAgencyId, version],
    );
  }

  /** Of these needs, those assigned to an agency other than `agencyId`. */
  async assignedElsewhere(
    manager: EntityManager,
    needIds: readonly string[],
    agencyId: string,
  ): Promise<{ needId: string; leadAgencyId: string }[]> {
    if (!needIds.length) return [];
    return manager.query(
      `SELECT need_id AS "needId", lead_agency_id AS "leadAgencyId" FROM assigned_needs
       WHERE need_id = ANY($1::uuid[]) AND lead_agency_id IS NOT NULL AND lead_agency_id <> $2 ORDER BY need_id`,
      [needIds, agencyId],
    );
  }
}
