import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@styrkedjan/platform';
import { OverlapsRepository } from '../../persistence/overlaps.repository';
import { OverlapView, toOverlapView } from '../../views/overlap.view';
import { GetOverlapQuery } from './get-overlap.query';

@QueryHandler(GetOverlapQuery)
export class GetOverlapHandler implements IQueryHandler<GetOverlapQuery, OverlapView> {
  constructor(private readonly overlaps: OverlapsRepository) {}

  async execute(query: GetOverlapQuery): Promise<OverlapView> {
    const overlap = await this.overlaps.find(query.id);
    if (!overlap) throw new NotFound('Overlap', query.id);
    return toOverlapView(overlap);
  }
}
