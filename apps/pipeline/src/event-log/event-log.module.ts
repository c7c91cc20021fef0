import { Module } from '@nestjs/common';
import { PipelineModule } from '../pipeline/pipeline.module';
import { EventsController } from './api/events.controller';
import { RecordEventConsumer } from './consumers/record-event.consumer';
import { EventLogRepository } from './persistence/event-log.repository';
import { ListEventsHandler } from './queries/list-events/list-events.handler';

/** The audit trail, and the consumer that feeds it and, through it, the read models. */
@Module({
  imports: [PipelineModule],
  controllers: [EventsController],
  providers: [EventLogRepository, ListEventsHandler, RecordEventConsumer],
})
export class EventLogModule {}
