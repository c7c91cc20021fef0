import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Page } from '@styrkedjan/platform';
import { References } from '@styrkedjan/reference-data';
import { RegionalAdditionsRepository } from '../../persistence/regional-additions.repository';
import { RegionalAdditionView } from '../../views/support.view';
import { ListRegionalAdditionsQuery } from './list-regional-additions.query';

/** A region's additions to national supports, newest first; an organisation the directory does not know is 404. */
@QueryHandler(ListRegionalAdditionsQuery)
export class ListRegionalAdditionsHandler implements IQueryHandler<
  ListRegionalAdditionsQuery,
  Page<RegionalAdditionView>
> {
  constructor(
    private readonly references: References,
    private readonly additions: RegionalAdditionsRepository,
  ) {}

  async execute(query: ListRegionalAdditionsQuery): Promise<Page<RegionalAdditionView>> {
    await this.references.requireOrganisation(query.regionId);
    return this.additions.ofRegion(query.regionId.toLowerCase(), query.limit, query.cursor);
  }
}
