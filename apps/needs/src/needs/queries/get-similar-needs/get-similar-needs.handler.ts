import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { NotFound } from '@styrkedjan/platform';
import { NeedEntity } from '../../persistence/need.entity';
import type { SimilarNeedView } from '../../views/need.view';
import { GetSimilarNeedsQuery } from './get-similar-needs.query';
import { SimilarNeedsFinder } from './similar-needs.finder';

@QueryHandler(GetSimilarNeedsQuery)
export class GetSimilarNeedsHandler implements IQueryHandler<GetSimilarNeedsQuery, { items: SimilarNeedView[] }> {
  constructor(
    private readonly dataSource: DataSource,
    private readonly similar: SimilarNeedsFinder,
  ) {}

  async execute(query: GetSimilarNeedsQuery): Promise<{ items: SimilarNeedView[] }> {
    const need = await this.dataSource.manager.findOne(NeedEntity, {
      select: { id: true, title: true, description: true, areaCode: true, targetGroups: true },
      where: { id: query.needId },
    });
    if (!need) throw new NotFound('Need', query.needId);
    return { items: await this.similar.find(need) };
  }
}
