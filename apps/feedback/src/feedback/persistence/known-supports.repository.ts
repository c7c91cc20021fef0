import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { KnownSupport, mergeKnownSupport } from '../domain/known-support';
import { KnownSupportEntity } from './known-support.entity';

@Injectable()
export class KnownSupportsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(id: string, manager: EntityManager = this.dataSource.manager): Promise<KnownSupport | null> {
    return manager.findOneBy(KnownSupportEntity, { supportId: id });
  }

  /**
   * Folds an announced state into the projection. The first event for a support inserts its row; any
   * later one locks the row and merges, so two events for one support processed at the same time
   * cannot each overwrite the other's result.
   */
  async apply(manager: EntityManager, incoming: KnownSupport): Promise<void> {
    const inserted: unknown[] = await manager.query(
      `INSERT INTO known_supports (support_id, lead_agency_id, title, status, aggregate_version)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (support_id) DO NOTHING RETURNING support_id`,
      [incoming.supportId, incoming.leadAgencyId, incoming.title, incoming.status, incoming.aggregateVersion],
    );
    if (inserted.length) return;
    const current = await manager.findOne(KnownSupportEntity, {
      where: { supportId: incoming.supportId },
      lock: { mode: 'pessimistic_write' },
    });
    const merged = mergeKnownSupport(current, incoming);
    await manager.update(
      KnownSupportEntity,
      { supportId: incoming.supportId },
      {
        leadAgencyId: merged.leadAgencyId,
        title: merged.title,
        status: merged.status,
        aggregateVersion: merged.aggregateVersion,
      },
    );
  }
}
