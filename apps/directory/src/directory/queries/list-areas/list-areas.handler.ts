import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AreasRepository } from '../../persistence/areas.repository';
import { AreaView } from '../../views/area.view';
import { ListAreasQuery } from './list-areas.query';

@QueryHandler(ListAreasQuery)
export class ListAreasHandler implements IQueryHandler<ListAreasQuery, { items: AreaView[] }> {
  constructor(private readonly areas: AreasRepository) {}

  async execute(query: ListAreasQuery): Promise<{ items: AreaView[] }> {
    return { items: await this.areas.list(query.sector) };
  }
}
