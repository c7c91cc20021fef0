import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@styrkedjan/platform';
import { SupportsRepository } from '../../persistence/supports.repository';
import { SupportView } from '../../views/support.view';
import { GetSupportQuery } from './get-support.query';

@QueryHandler(GetSupportQuery)
export class GetSupportHandler implements IQueryHandler<GetSupportQuery, SupportView> {
  constructor(private readonly supports: SupportsRepository) {}

  async execute(query: GetSupportQuery): Promise<SupportView> {
    const support = await this.supports.findView(query.id);
    if (!support) throw new NotFound('Support', query.id);
    return support;
  }
}
