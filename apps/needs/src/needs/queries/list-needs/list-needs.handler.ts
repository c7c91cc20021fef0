import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Page } from '@styrkedjan/platform';
import { NeedsRepository } from '../../persistence/needs.repository';
import { NeedView } from '../../views/need.view';
import { ListNeedsQuery } from './list-needs.query';

@QueryHandler(ListNeedsQuery)
export class ListNeedsHandler implements IQueryHandler<ListNeedsQuery, Page<NeedView>> {
  constructor(private readonly needs: NeedsRepository) {}

  execute(query: ListNeedsQuery): Promise<Page<NeedView>> {
    return this.needs.list(query.filter);
  }
}
