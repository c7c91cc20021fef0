import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { SubscriptionEntity } from './subscription.entity';
import { SubscriptionsView } from '../views/subscriptions.view';

@Injectable()
export class SubscriptionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(organisationId: string, manager: EntityManager = this.dataSource.manager): Promise<SubscriptionsView> {
    const rows = await manager.find(SubscriptionEntity, { where: { organisationId }, order: { areaCode: 'ASC' } });
    return { organisationId, areaCodes: rows.map((row) => row.areaCode) };
  }

  /**
   * Replaces the organisation's whole set. Two replacements for one organisation at once are serialised
   * by a transaction-scoped advisory lock: otherwise each could delete only the rows it saw and the
   * result would be a mix of both sets (or a key conflict) rather than the last one.
   */
  async replace(organisationId: string, areaCodes: readonly string[]): Promise<SubscriptionsView> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('subscriptions:' || $1, 0))`, [
        organisationId,
      ]);
      await manager.query('DELETE FROM subscriptions WHERE organisation_id = $1', [organisationId]);
      await manager.query('INSERT INTO subscriptions (organisation_id, area_code) SELECT $1, unnest($2::text[])', [
        organisationId,
        areaCodes,
      ]);
      return this.find(organisationId, manager);
    });
  }
}
