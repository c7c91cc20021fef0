import { Query } from '@nestjs/cqrs';
import { PipelineFilter, PipelineView } from '../../persistence/pipeline.repository';

export class GetPipelineQuery extends Query<PipelineView> {
  constructor(readonly filter: PipelineFilter) {
    super();
  }
}
