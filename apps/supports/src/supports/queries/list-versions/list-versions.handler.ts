import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@styrkedjan/platform';
import { EditionsRepository } from '../../persistence/editions.repository';
import { SupportsRepository } from '../../persistence/supports.repository';
import { EditionView } from '../../views/support.view';
import { ListVersionsQuery } from './list-versions.query';

/** Every published edition of a support, oldest first, each as it was published. */
@QueryHandler(ListVersionsQuery)
export class ListVersionsHandler implements IQueryHandler<ListVersionsQuery, { items: EditionView[] }> {
  constructor(
    private readonly supports: SupportsRepository,
    private readonly editions: EditionsRepository,
  ) {}

  async execute(query: ListVersionsQuery): Promise<{ items: EditionView[] }> {
    if (!(await this.supports.find(query.supportId))) throw new NotFound('Support', query.supportId);
    return { items: await this.editions.list(query.supportId) };
  }
}
