import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { FieldIssue, InvalidInput, Lookup, NotFound, rememberFound } from '@styrkedjan/platform';
import { KnownAreaEntity } from './known-area.entity';
import { KnownOrganisationEntity } from './known-organisation.entity';
import { KnownProductTypeEntity, KnownTargetGroupEntity } from './known-vocabulary.entity';

/**
 * How known areas are answered from memory. The vocabulary is a few dozen rows that change a few times a year,
 * and every write that names an area checks it: a round trip saved per request. An unknown code is always looked
 * up again, so a newly defined area is accepted as soon as the projection has it; a renamed one within seconds.
 */
const AREA_MEMORY = { maxEntries: 1_000, ttlMs: 5_000 };

/** Checks that the areas, organisations, target groups and product types a request names exist, answering 400/404 naming the field. */
@Injectable()
export class References {
  private readonly knownArea: Lookup<KnownAreaEntity>;

  constructor(private readonly dataSource: DataSource) {
    this.knownArea = rememberFound((code) => dataSource.manager.findOneBy(KnownAreaEntity, { code }), AREA_MEMORY);
  }

  /** The area, or a 400 naming `field` when the vocabulary has no such code. Inside a transaction, read there. */
  async requireArea(code: string, field: string, manager?: EntityManager): Promise<KnownAreaEntity> {
    const area = manager ? await manager.findOneBy(KnownAreaEntity, { code }) : await this.knownArea(code);
    if (!area) throw InvalidInput.field(field, `unknown area code '${code}'`);
    return area;
  }

  /** Every area, or a 400 naming each unknown code as `field[i]`. */
  async requireAreas(
    codes: readonly string[],
    field: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<KnownAreaEntity[]> {
    if (codes.length === 0) return [];
    const found = await manager.findBy(KnownAreaEntity, { code: In([...codes]) });
    rejectUnknown(codes, new Set(found.map((area) => area.code)), field, 'area code');
    return found;
  }

  /** Every organisation, or a 400 naming each unknown one as `field[i]`. */
  async requireOrganisations(
    ids: readonly string[],
    field: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<KnownOrganisationEntity[]> {
    if (ids.length === 0) return [];
    const found = await manager.findBy(KnownOrganisationEntity, { id: In([...ids]) });
    rejectUnknown(ids, new Set(found.map((organisation) => organisation.id)), field, 'organisation');
    return found;
  }

  /** The product type, or a 400 naming `field` when the vocabulary has no such code. */
  async requireProductType(
    code: string,
    field: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<KnownProductTypeEntity> {
    const productType = await manager.findOneBy(KnownProductTypeEntity, { code });
    if (!productType) throw InvalidInput.field(field, `unknown product type '${code}'`);
    return productType;
  }

  /** Every target group, or a 400 naming each unknown code as `field[i]`. */
  async requireTargetGroups(
    codes: readonly string[],
    field: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<KnownTargetGroupEntity[]> {
    if (codes.length === 0) return [];
    const found = await manager.findBy(KnownTargetGroupEntity, { code: In([...codes]) });
    rejectUnknown(codes, new Set(found.map((group) => group.code)), field, 'target group');
    return found;
  }

  /** The organisation named in a path, or 404. */
  async requireOrganisation(id: string): Promise<KnownOrganisationEntity> {
    const organisation = await this.dataSource.manager.findOneBy(KnownOrganisationEntity, { id });
    if (!organisation) throw new NotFound('Organisation', id);
    return organisation;
  }
}

/** Each value the projection does not know, named by its place in the request (`areaCodes[2]`). */
export function unknownReferences(
  values: readonly string[],
  known: ReadonlySet<string>,
  field: string,
  what: string,
): FieldIssue[] {
  return values
    .map((value, index) => ({ value, index }))
    .filter(({ value }) => !known.has(value))
    .map(({ value, index }) => ({ field: `${field}[${index}]`, message: `unknown ${what} '${value}'` }));
}

function rejectUnknown(values: readonly string[], known: ReadonlySet<string>, field: string, what: string): void {
  const errors = unknownReferences(values, known, field, what);
  if (errors.length) throw new InvalidInput(errors);
}
