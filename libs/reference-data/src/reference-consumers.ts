import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';

/** Upserts an area; an older version arriving late changes nothing. */
@Injectable()
@EventConsumer('area.defined', 'area.updated')
export class KnownAreaConsumer implements ConsumesEvent<'area.defined' | 'area.updated'> {
  async handle(event: EventOf<'area.defined' | 'area.updated'>, tx: Transaction): Promise<void> {
    const { code, sector, name } = event.payload;
    await tx.manager.query(
      `INSERT INTO known_areas (code, sector, name, aggregate_version) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO UPDATE SET sector = $2, name = $3, aggregate_version = $4
       WHERE known_areas.aggregate_version < $4`,
      [code, sector, name, event.aggregate.version],
    );
  }
}

/** Upserts an organisation; an older version arriving late changes nothing. */
@Injectable()
@EventConsumer('organisation.registered', 'organisation.updated')
export class KnownOrganisationConsumer implements ConsumesEvent<'organisation.registered' | 'organisation.updated'> {
  async handle(event: EventOf<'organisation.registered' | 'organisation.updated'>, tx: Transaction): Promise<void> {
    const { organisationId, name, kind, regionId } = event.payload;
    await tx.manager.query(
      `INSERT INTO known_organisations (id, name, kind, region_id, aggregate_version) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET name = $2, kind = $3, region_id = $4, aggregate_version = $5
       WHERE known_organisations.aggregate_version < $5`,
      [organisationId, name, kind, kind === 'region' ? organisationId : regionId, event.aggregate.version],
    );
  }
}

/** Upserts a target group; an older version arriving late changes nothing. */
@Injectable()
@EventConsumer('target-group.defined', 'target-group.updated')
export class KnownTargetGroupConsumer implements ConsumesEvent<'target-group.defined' | 'target-group.updated'> {
  async handle(event: EventOf<'target-group.defined' | 'target-group.updated'>, tx: Transaction): Promise<void> {
    const { code, name, nameEn, sectors } = event.payload;
    await tx.manager.query(
      `INSERT INTO known_target_groups (code, name, name_en, sectors, aggregate_version) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (code) DO UPDATE SET name = $2, name_en = $3, sectors = $4, aggregate_version = $5
       WHERE known_target_groups.aggregate_version < $5`,
      [code, name, nameEn, sectors, event.aggregate.version],
    );
  }
}

/** Upserts a product type; an older version arriving late changes nothing. */
@Injectable()
@EventConsumer('product-type.defined', 'product-type.updated')
export class KnownProductTypeConsumer implements ConsumesEvent<'product-type.defined' | 'product-type.updated'> {
  async handle(event: EventOf<'product-type.defined' | 'product-type.updated'>, tx: Transaction): Promise<void> {
    const { code, name, nameEn } = event.payload;
    await tx.manager.query(
      `INSERT INTO known_product_types (code, name, name_en, aggregate_version) VALUES ($1, $2, $3, $4)
       ON CONFLICT (code) DO UPDATE SET name = $2, name_en = $3, aggregate_version = $4
       WHERE known_product_types.aggregate_version < $4`,
      [code, name, nameEn, event.aggregate.version],
    );
  }
}
