import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Page } from '@styrkedjan/platform';
import { SupportsRepository } from '../../persistence/supports.repository';
import { SupportView } from '../../views/support.view';
import { assertDateRange } from '../date-range';
import { ListReleasesQuery } from './list-releases.query';

/** The release calendar: what the agencies plan to publish, and when, so municipalities can see it coming. */
@QueryHandler(ListReleasesQuery)
export class ListReleasesHandler implements IQueryHandler<ListReleasesQuery, Page<SupportView>> {
  constructor(private readonly supports: SupportsRepository) {}

  execute(query: ListReleasesQuery): Promise<Page<SupportView>> {
    assertDateRange(query.filter.from, query.filter.to, 'to');
    return this.supports.releases(query.filter);
  }
}
