import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { PipelineRepository, PipelineView } from '../../persistence/pipeline.repository';
import { GetPipelineQuery } from './get-pipeline.query';

@QueryHandler(GetPipelineQuery)
export class GetPipelineHandler implements IQueryHandler<GetPipelineQuery, PipelineView> {
  constructor(private readonly pipeline: PipelineRepository) {}

  execute(query: GetPipelineQuery): Promise<PipelineView> {
    return this.pipeline.view(query.filter);
  }
}
