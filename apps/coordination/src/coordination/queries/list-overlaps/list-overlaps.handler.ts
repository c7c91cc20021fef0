import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Page } from '@styrkedjan/platform';
import { OverlapsRepository } from '../../persistence/overlaps.repository';
import { OverlapView } from '../../views/overlap.view';
import { ListOverlapsQuery } from './list-overlaps.query';

/** Overlaps newest first, by status and/or an agency party to them. */
@QueryHandler(ListOverlapsQuery)
export class ListOverlapsHandler implements IQueryHandler<ListOverlapsQuery, Page<OverlapView>> {
  constructor(private readonly overlaps: OverlapsRepository) {}

  execute(query: ListOverlapsQuery): Promise<Page<OverlapView>> {
    return this.overlaps.list(query.filter);
  }
}
