import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Page } from '@styrkedjan/platform';
import { SupportsRepository } from '../../persistence/supports.repository';
import { SupportView } from '../../views/support.view';
import { assertDateRange } from '../date-range';
import { ListSupportsQuery } from './list-supports.query';

@QueryHandler(ListSupportsQuery)
export class ListSupportsHandler implements IQueryHandler<ListSupportsQuery, Page<SupportView>> {
  constructor(private readonly supports: SupportsRepository) {}

  execute(query: ListSupportsQuery): Promise<Page<SupportView>> {
    assertDateRange(query.filter.plannedFrom, query.filter.plannedTo, 'plannedTo');
    return this.supports.list(query.filter);
  }
}
