import { Module } from '@nestjs/common';
import { PipelineController } from './api/pipeline.controller';
import { PipelineRepository } from './persistence/pipeline.repository';
import { GetPipelineHandler } from './queries/get-pipeline/get-pipeline.handler';

/** The steering read model. It has no consumer of its own: the event log's consumer applies events to it. */
@Module({
  controllers: [PipelineController],
  providers: [PipelineRepository, GetPipelineHandler],
  exports: [PipelineRepository],
})
export class PipelineModule {}
