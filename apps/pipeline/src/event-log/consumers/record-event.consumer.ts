import { Injectable } from '@nestjs/common';
import { AnyEvent, EVENT_TYPES } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { isPipelineEvent } from '../../pipeline/domain/pipeline';
import { PipelineRepository } from '../../pipeline/persistence/pipeline.repository';
import { EventLogRepository } from '../persistence/event-log.repository';

/**
 * The pipeline's one consumer, for every event type: appends the event to the log and applies it to the
 * read model in the same transaction, so the log and what was built from it never disagree (a replay of
 * the log reaches exactly the live state). Events the pipeline does not fold (organisation.*, area.*)
 * are only logged.
 */
@Injectable()
@EventConsumer(...EVENT_TYPES)
export class RecordEventConsumer implements ConsumesEvent {
  constructor(
    private readonly log: EventLogRepository,
    private readonly pipeline: PipelineRepository,
  ) {}

  async handle(event: AnyEvent, tx: Transaction): Promise<void> {
    // First: the append takes the log's position lock, which also orders the read-model writes below.
    await this.log.append(tx.manager, event);
    if (isPipelineEvent(event)) await this.pipeline.apply(tx.manager, event);
  }
}
