import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AnyEvent, EVENT_TYPES } from '@styrkedjan/contracts';
import { ConsumesEventBatch, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { isPipelineEvent } from '../../pipeline/domain/pipeline';
import { PipelineRepository } from '../../pipeline/persistence/pipeline.repository';
import { EventLogRepository } from '../persistence/event-log.repository';

/**
 * The pipeline's one consumer, for every event type: appends the events to the log and applies them to
 * the read model in the same transaction, so the log and what was built from it never disagree (a replay
 * of the log reaches exactly the live state). Events the pipeline does not fold (organisation.*, area.*)
 * are only logged. It takes whatever is waiting as one batch: the log's position lock is then taken once
 * per batch instead of once per event, which is what bounded the live ingest rate.
 */
@Injectable()
@EventConsumer(...EVENT_TYPES)
export class RecordEventConsumer implements ConsumesEventBatch {
  constructor(
    private readonly log: EventLogRepository,
    private readonly pipeline: PipelineRepository,
  ) {}

  async handle(event: AnyEvent, tx: Transaction): Promise<void> {
    await this.handleBatch([event], tx.manager);
  }

  async handleBatch(events: readonly AnyEvent[], manager: EntityManager): Promise<void> {
    // First: the append takes the log's position lock, which also orders the read-model writes below.
    await this.log.append(manager, events);
    await this.pipeline.apply(manager, events.filter(isPipelineEvent));
  }
}
