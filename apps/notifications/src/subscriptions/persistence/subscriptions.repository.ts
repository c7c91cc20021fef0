import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { SubscriptionEntity } from './subscription.entity';
import { SubscriptionsView } from '../views/subscriptions.view';

/** The set after a replacement, and its version when the replacement changed it (null when it was the same set). */
export interface ReplacedSubscriptions {
  view: SubscriptionsView;
  version: number | null;
}

@Injectable()
export class SubscriptionsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async find(organisationId: string, manager: EntityManager = this.dataSource.manager): Promise<SubscriptionsView> {
    const rows = await manager.find(SubscriptionEntity, { where: { organisationId }, order: { areaCode: 'ASC' } });
    return { organisationId, areaCodes: rows.map((row) => row.areaCode) };
  }

  /**
   * Replaces the organisation's whole set in the caller's transaction. Two replacements for one organisation
   * at once are serialised by a transaction-scoped advisory lock: otherwise each could delete only the rows it
   * saw and the result would be a mix of both sets (or a key conflict) rather than the last one. A changed
   * set gets the next version of the organisation's set, which orders its subscriptions.replaced events.
   */
  async replace(
    manager: EntityManager,
    organisationId: string,
    areaCodes: readonly string[],
  ): Promise<ReplacedSubscriptions> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtextextended('subscriptions:' || $1, 0))`, [organisationId]);
    const before = await this.find(organisationId, manager);
    const wanted = [...new Set(areaCodes)];
    if (before.areaCodes.length === wanted.length && wanted.every((code) => before.areaCodes.includes(code))) {
      return { view: before, version: null };
    }
    await manager.query('DELETE FROM subscriptions WHERE organisation_id = $1', [organisationId]);
    await manager.query('INSERT INTO subscriptions (organisation_id, area_code) SELECT $1, unnest($2::text[])', [
      organisationId,
      wanted,
    ]);
    const [{ version }]: { version: number }[] = await manager.query(
      `INSERT INTO subscription_sets AS s (organisation_id, version) VALUES ($1, 1)
       ON CONFLICT (organisation_id) DO UPDATE SET version = s.version + 1 RETURNING version`,
      [organisationId],
    );
    return { view: await this.find(organisationId, manager), version };
  }
}
