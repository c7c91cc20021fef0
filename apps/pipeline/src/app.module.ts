import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { MessagingModule } from '@styrkedjan/messaging';
import { PlatformModule } from '@styrkedjan/platform';
import { pipelineDatabase } from './database/pipeline.database';
import { EventLogModule } from './event-log/event-log.module';
import { PipelineModule } from './pipeline/pipeline.module';

/** Steering read models and the audit trail, built from every event in the system. */
@Module({
  imports: [
    PlatformModule.forService('pipeline', pipelineDatabase),
    MessagingModule.forService(),
    CqrsModule.forRoot(),
    PipelineModule,
    EventLogModule,
  ],
})
export class AppModule {}
