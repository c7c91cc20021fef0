import { DataSource, EntityManager, EntityTarget, FindOptionsOrder, FindOptionsWhere } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { Conflict } from '@styrkedjan/platform';
import type { Stored } from '../commands/seed-directory/seed-plan';

/** A row of a vocabulary table: the entry and the version its last event carried. */
export type VersionedRow<T> = T & { aggregateVersion: number };

/**
 * A controlled vocabulary (areas, target groups, product types): a small table keyed by code, each entry
 * versioned by its events, written only by the seed and read whole (a few dozen codes, so no pagination).
 */
export abstract class VocabularyRepository<T extends { code: string }> {
  protected constructor(
    private readonly dataSource: DataSource,
    private readonly entity: EntityTarget<VersionedRow<T>>,
    /** How the vocabulary names an entry in an error, e.g. "Area". */
    private readonly noun: string,
    private readonly toView: (row: VersionedRow<T>) => T,
  ) {}

  /** Every entry by code, read inside the seed's transaction. */
  async findAllStored(manager: EntityManager): Promise<Map<string, Stored<T>>> {
    const rows = await manager.find(this.entity);
    return new Map(rows.map((row) => [row.code, { value: this.toView(row), version: row.aggregateVersion }]));
  }

  async insertNew(manager: EntityManager, entries: readonly T[]): Promise<void> {
    if (entries.length === 0) return;
    await manager.insert(
      this.entity,
      entries.map((entry) => ({ ...entry, aggregateVersion: 1 }) as QueryDeepPartialEntity<VersionedRow<T>>),
    );
  }

  /** Moves an entry to its next version, refusing if someone else moved it since it was read. */
  async updateFrom(manager: EntityManager, entry: T, previousVersion: number): Promise<void> {
    const { code, ...fields } = entry;
    const result = await manager.update(this.entity, { code, aggregateVersion: previousVersion }, {
      ...fields,
      aggregateVersion: previousVersion + 1,
    } as unknown as QueryDeepPartialEntity<VersionedRow<T>>);
    if (result.affected !== 1) {
      throw new Conflict(
        'version_conflict',
        `${this.noun} ${code} changed while the directory was being seeded; run the seed again.`,
      );
    }
  }

  async findView(code: string): Promise<T | null> {
    const row = await this.dataSource.manager.findOneBy(this.entity, { code } as FindOptionsWhere<VersionedRow<T>>);
    return row ? this.toView(row) : null;
  }

  /** The whole vocabulary, or the part a filter selects, by code. */
  protected async listWhere(where: FindOptionsWhere<VersionedRow<T>>): Promise<T[]> {
    const rows = await this.dataSource.manager.find(this.entity, {
      where,
      order: { code: 'ASC' } as FindOptionsOrder<VersionedRow<T>>,
    });
    return rows.map(this.toView);
  }
}
