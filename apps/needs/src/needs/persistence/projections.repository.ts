import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { OrganisationKind } from '@styrkedjan/contracts';
import { InvalidInput, UUID_PATTERN } from '@styrkedjan/platform';
import { unknownReferences, KnownTargetGroupEntity } from '@styrkedjan/reference-data';
import { KnownSupportEntity, NeedsOrganisationEntity } from './projections.entity';

/**
 * How long the target groups are answered from memory. The vocabulary is a few dozen rows that change a few
 * times a year, and every registration checks its codes and every similar-needs answer names them: a round trip
 * saved per request. The consumer of `target-group.*` forgets them at once; the time bounds what a reader that
 * loaded them while that consumer's transaction was still open can keep.
 */
const TARGET_GROUP_MEMORY_MS = 5_000;

/**
 * What the needs service knows of other services' entities, from their events: the directory's target groups
 * and organisations (kind, county), and the supports announced. Each upsert keeps the highest aggregate version,
 * so events arriving late or twice change nothing.
 */
@Injectable()
export class ProjectionsRepository {
  private targetGroups: { names: Promise<ReadonlyMap<string, string>>; until: number } | null = null;

  constructor(private readonly dataSource: DataSource) {}

  /** The codes as given, or a 400 naming each unknown one as `field[i]`. */
  async requireTargetGroups(codes: readonly string[], field: string, manager = this.dataSource.manager): Promise<void> {
    const known = await this.targetGroupNames(codes, manager);
    const issues = unknownReferences(codes, new Set(known.keys()), field, 'target group');
    if (issues.length) throw new InvalidInput(issues);
  }

  /**
   * The names of those of the codes the vocabulary has, from memory. A code not there is looked up again, so a
   * newly defined group is known as soon as the projection has it.
   */
  async targetGroupNames(codes: readonly string[], manager = this.dataSource.manager): Promise<Map<string, string>> {
    if (!codes.length) return new Map();
    let names = await this.rememberedTargetGroups(manager, false);
    if (codes.some((code) => !names.has(code))) names = await this.rememberedTargetGroups(manager, true);
    return new Map(codes.filter((code) => names.has(code)).map((code) => [code, names.get(code)!]));
  }

  private rememberedTargetGroups(manager: EntityManager, again: boolean): Promise<ReadonlyMap<string, string>> {
    const now = Date.now();
    if (!again && this.targetGroups && this.targetGroups.until > now) return this.targetGroups.names;
    const names = manager
      .find(KnownTargetGroupEntity, { select: { code: true, name: true } })
      .then((rows) => new Map(rows.map((row) => [row.code, row.name])));
    const remembered = { names, until: now + TARGET_GROUP_MEMORY_MS };
    this.targetGroups = remembered;
    // A failed read is not remembered: the next request asks again.
    names.catch(() => {
      if (this.targetGroups === remembered) this.targetGroups = null;
    });
    return names;
  }

  async organisation(id: string, manager = this.dataSource.manager): Promise<NeedsOrganisationEntity | null> {
    return UUID_PATTERN.test(id) ? manager.findOneBy(NeedsOrganisationEntity, { id }) : null;
  }

  async support(id: string, manager = this.dataSource.manager): Promise<KnownSupportEntity | null> {
    return UUID_PATTERN.test(id) ? manager.findOneBy(KnownSupportEntity, { id }) : null;
  }

  async keepTargetGroup(
    manager: EntityManager,
    group: { code: string; name: string; nameEn: string | null; sectors: string[] },
    version: number,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO known_target_groups (code, name, name_en, sectors, aggregate_version) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (code) DO UPDATE SET name = $2, name_en = $3, sectors = $4, aggregate_version = $5
       WHERE known_target_groups.aggregate_version < $5`,
      [group.code, group.name, group.nameEn, group.sectors, version],
    );
    this.targetGroups = null;
  }

  /** A region is its own county (län); a municipality's is its region's. */
  async keepOrganisation(
    manager: EntityManager,
    organisation: { organisationId: string; name: string; kind: OrganisationKind; regionId: string | null },
    version: number,
  ): Promise<void> {
    const countyId = organisation.kind === 'region' ? organisation.organisationId : organisation.regionId;
    await manager.query(
      `INSERT INTO organisations (id, name, kind, county_id, aggregate_version) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET name = $2, kind = $3, county_id = $4, aggregate_version = $5
       WHERE organisations.aggregate_version < $5`,
      [organisation.organisationId, organisation.name, organisation.kind, countyId, version],
    );
  }

  /** A support's status only moves forward, whatever order its events arrive in. */
  async keepSupport(
    manager: EntityManager,
    support: { supportId: string; title: string; leadAgencyId: string; status: 'draft' | 'published' },
    version: number,
  ): Promise<void> {
    await manager.query(
      `INSERT INTO known_supports (id, title, lead_agency_id, status, aggregate_version) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (id) DO UPDATE SET title = $2, lead_agency_id = $3, aggregate_version = $5,
         status = CASE WHEN known_supports.status = 'published' THEN 'published' ELSE EXCLUDED.status END
       WHERE known_supports.aggregate_version < $5`,
      [support.supportId, support.title, support.leadAgencyId, support.status, version],
    );
  }
}
