import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@styrkedjan/platform';
import { AreasRepository } from '../../persistence/areas.repository';
import { AreaView } from '../../views/area.view';
import { GetAreaQuery } from './get-area.query';

@QueryHandler(GetAreaQuery)
export class GetAreaHandler implements IQueryHandler<GetAreaQuery, AreaView> {
  constructor(private readonly areas: AreasRepository) {}

  async execute(query: GetAreaQuery): Promise<AreaView> {
    const area = await this.areas.findView(query.code);
    if (!area) throw new NotFound('Area', query.code);
    return area;
  }
}
