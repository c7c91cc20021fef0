import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { invalidField, badRequest, notFound } from '@styrkedjan/platform';
import { KnownAreaEntity } from './known-area.entity';
import { KnownOrganisationEntity } from './known-organisation.entity';

/** Checks that the areas and organisations a request names exist, answering 400/404 naming the field. */
@Injectable()
export class References {
  constructor(private readonly dataSource: DataSource) {}

  /** The area, or a 400 naming `field` when the vocabulary has no such code. */
  async requireArea(code: string, field: string, manager: EntityManager = this.dataSource.manager): Promise<KnownAreaEntity> {
    const area = await manager.findOneBy(KnownAreaEntity, { code });
    if (!area) throw invalidField(field, `unknown area code '${code}'`);
    return area;
  }

  /** Every organisation, or a 400 naming each unknown one as `field[i]`. */
  async requireOrganisations(ids: string[], field: string, manager: EntityManager = this.dataSource.manager): Promise<KnownOrganisationEntity[]> {
    if (ids.length === 0) return [];
    const found = await manager.findBy(KnownOrganisationEntity, { id: In(ids) });
    const known = new Set(found.map((organisation) => organisation.id));
    const errors = ids
      .map((id, index) => ({ id, index }))
      .filter(({ id }) => !known.has(id))
      .map(({ id, index }) => ({ field: `${field}[${index}]`, message: `unknown organisation '${id}'` }));
    if (errors.length) throw badRequest(errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
    return found;
  }

  /** The organisation named in a path, or 404. */
  async requireOrganisation(id: string): Promise<KnownOrganisationEntity> {
    const organisation = await this.dataSource.manager.findOneBy(KnownOrganisationEntity, { id });
    if (!organisation) throw notFound('Organisation', id);
    return organisation;
  }
}
