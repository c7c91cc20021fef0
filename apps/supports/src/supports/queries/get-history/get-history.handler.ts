import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@styrkedjan/platform';
import { HistoryRepository } from '../../persistence/history.repository';
import { SupportsRepository } from '../../persistence/supports.repository';
import { HistoryStepView } from '../../views/support.view';
import { GetHistoryQuery } from './get-history.query';

/** Every step of a support's life, oldest first, with who, when and why. */
@QueryHandler(GetHistoryQuery)
export class GetHistoryHandler implements IQueryHandler<GetHistoryQuery, { items: HistoryStepView[] }> {
  constructor(
    private readonly supports: SupportsRepository,
    private readonly history: HistoryRepository,
  ) {}

  async execute(query: GetHistoryQuery): Promise<{ items: HistoryStepView[] }> {
    if (!(await this.supports.find(query.supportId))) throw new NotFound('Support', query.supportId);
    return { items: await this.history.list(query.supportId) };
  }
}
