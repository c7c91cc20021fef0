import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { Sector } from '@styrkedjan/contracts';
import { Conflict } from '@styrkedjan/platform';
import type { Area } from '../domain/area';
import { AreaEntity } from './area.entity';
import { AreaView, toAreaView } from '../views/area.view';

@Injectable()
export class AreasRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every area by code, read inside the seed's transaction. */
  async findAllStored(manager: EntityManager): Promise<Map<string, { value: Area; version: number }>> {
    const rows = await manager.find(AreaEntity);
    return new Map(rows.map((row) => [row.code, { value: toAreaView(row), version: row.aggregateVersion }]));
  }

  async insertNew(manager: EntityManager, areas: readonly Area[]): Promise<void> {
    if (areas.length === 0) return;
    await manager.insert(
      AreaEntity,
      areas.map((area) => ({ ...area, aggregateVersion: 1 })),
    );
  }

  /** Moves an area to its next version, refusing if someone else moved it since it was read. */
  async updateFrom(manager: EntityManager, area: Area, previousVersion: number): Promise<void> {
    const { code, ...fields } = area;
    const result = await manager.update(
      AreaEntity,
      { code, aggregateVersion: previousVersion },
      { ...fields, aggregateVersion: previousVersion + 1 },
    );
    if (result.affected !== 1) {
      throw new Conflict(
        'version_conflict',
        `Area ${code} changed while the directory was being seeded; run the seed again.`,
      );
    }
  }

  async findView(code: string): Promise<AreaView | null> {
    const area = await this.dataSource.manager.findOneBy(AreaEntity, { code });
    return area ? toAreaView(area) : null;
  }

  /** The whole vocabulary (a few dozen codes), so no pagination. */
  async list(sector?: Sector): Promise<AreaView[]> {
    const areas = await this.dataSource.manager.find(AreaEntity, {
      where: sector ? { sector } : {},
      order: { code: 'ASC' },
    });
    return areas.map(toAreaView);
  }
}
