import { Injectable } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { Brackets, DataSource, EntityManager, In } from 'typeorm';
import type { OrganisationKind, Sector } from '@styrkedjan/contracts';
import { Conflict, decodeCursor, InvalidInput, Page, toPage } from '@styrkedjan/platform';
import type { Organisation } from '../domain/organisation';
import { OrganisationEntity } from './organisation.entity';
import { OrganisationView, toOrganisation, toOrganisationView } from '../views/organisation.view';

export interface OrganisationFilter {
  kind?: OrganisationKind;
  regionId?: string;
  sector?: Sector;
  q?: string;
  limit: number;
  cursor?: string;
}

@Injectable()
export class OrganisationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Every organisation by id, read inside the seed's transaction. */
  async findAllStored(manager: EntityManager): Promise<Map<string, { value: Organisation; version: number }>> {
    const rows = await manager.find(OrganisationEntity);
    return new Map(rows.map((row) => [row.id, { value: toOrganisation(row), version: row.aggregateVersion }]));
  }

  async insertNew(manager: EntityManager, organisations: readonly Organisation[], at: Date): Promise<void> {
    if (organisations.length === 0) return;
    // One statement: a municipality's region may be in the same batch, and the foreign key is checked at its end.
    await manager.insert(
      OrganisationEntity,
      organisations.map((organisation) => ({ ...organisation, aggregateVersion: 1, registeredAt: at, updatedAt: at })),
    );
  }

  /** Moves an organisation to its next version, refusing if someone else moved it since it was read. */
  async updateFrom(
    manager: EntityManager,
    organisation: Organisation,
    previousVersion: number,
    at: Date,
  ): Promise<void> {
    const { id, ...fields } = organisation;
    const result = await manager.update(
      OrganisationEntity,
      { id, aggregateVersion: previousVersion },
      { ...fields, aggregateVersion: previousVersion + 1, updatedAt: at },
    );
    if (result.affected !== 1) {
      throw new Conflict(
        'version_conflict',
        `Organisation ${id} changed while the directory was being seeded; run the seed again.`,
      );
    }
  }

  async findView(id: string): Promise<OrganisationView | null> {
    const organisation = await this.dataSource.manager.findOneBy(OrganisationEntity, { id });
    if (!organisation) return null;
    const region = organisation.regionId
      ? await this.dataSource.manager.findOneBy(OrganisationEntity, { id: organisation.regionId })
      : null;
    return toOrganisationView(organisation, region);
  }

  /** Sorted by kind, then name, then id; keyset-paginated on that triple. */
  async list(filter: OrganisationFilter): Promise<Page<OrganisationView>> {
    const query = this.dataSource.manager
      .createQueryBuilder(OrganisationEntity, 'organisation')
      .orderBy('organisation.kind', 'ASC')
      .addOrderBy('organisation.name', 'ASC')
      .addOrderBy('organisation.id', 'ASC')
      .limit(filter.limit + 1);
    if (filter.kind) query.andWhere('organisation.kind = :kind', { kind: filter.kind });
    if (filter.regionId) query.andWhere('organisation.regionId = :regionId', { regionId: filter.regionId });
    if (filter.sector) query.andWhere(':sector = ANY(organisation.sectors)', { sector: filter.sector });
    if (filter.q) {
      const pattern = `%${escapeLike(filter.q)}%`;
      query.andWhere(
        new Brackets((match) =>
          match
            .where('organisation.name ILIKE :pattern', { pattern })
            .orWhere('organisation.code ILIKE :pattern', { pattern }),
        ),
      );
    }
    const after = decodeOrganisationCursor(filter.cursor);
    if (after) {
      query.andWhere('(organisation.kind, organisation.name, organisation.id) > (:afterKind, :afterName, :afterId)', {
        afterKind: after.kind,
        afterName: after.name,
        afterId: after.id,
      });
    }
    const organisations = await query.getMany();
    const regionIds = [...new Set(organisations.map((o) => o.regionId).filter((id): id is string => id !== null))];
    const regions = regionIds.length
      ? await this.dataSource.manager.findBy(OrganisationEntity, { id: In(regionIds) })
      : [];
    const regionById = new Map(regions.map((region) => [region.id, region]));
    return toPage(
      organisations,
      filter.limit,
      (organisation) =>
        toOrganisationView(
          organisation,
          organisation.regionId ? (regionById.get(organisation.regionId) ?? null) : null,
        ),
      (organisation) => [organisation.kind, organisation.name, organisation.id],
    );
  }
}

/** A tampered cursor is the client's mistake (400), not a failed uuid cast in PostgreSQL (500). */
function decodeOrganisationCursor(cursor: string | undefined): { kind: string; name: string; id: string } | null {
  const parts = decodeCursor(cursor, 3);
  if (!parts) return null;
  const [kind, name, id] = parts;
  if (typeof kind !== 'string' || typeof name !== 'string' || typeof id !== 'string' || !isUUID(id)) {
    throw InvalidInput.field('cursor', 'is not a cursor this list returned');
  }
  return { kind, name, id };
}

/** The search text is matched literally: `%` and `_` in it are not wildcards. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}
