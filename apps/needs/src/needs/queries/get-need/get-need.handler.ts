import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@styrkedjan/platform';
import { NeedsRepository } from '../../persistence/needs.repository';
import { NeedView } from '../../views/need.view';
import { GetNeedQuery } from './get-need.query';

@QueryHandler(GetNeedQuery)
export class GetNeedHandler implements IQueryHandler<GetNeedQuery, NeedView> {
  constructor(private readonly needs: NeedsRepository) {}

  async execute(query: GetNeedQuery): Promise<NeedView> {
    const need = await this.needs.findView(query.id);
    if (!need) throw new NotFound('Need', query.id);
    return need;
  }
}
