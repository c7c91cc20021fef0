import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { notFound } from '@styrkedjan/platform';
import { AreasRepository } from '../../persistence/areas.repository';
import { AreaView } from '../../persistence/area.view';
import { GetAreaQuery } from './get-area.query';

@QueryHandler(GetAreaQuery)
export class GetAreaHandler implements IQueryHandler<GetAreaQuery, AreaView> {
  constructor(private readonly areas: AreasRepository) {}

  async execute(query: GetAreaQuery): Promise<AreaView> {
    const area = await this.areas.findView(query.code);
    if (!area) throw notFound('Area', query.code);
    return area;
  }
}
