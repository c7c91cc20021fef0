import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEventBatch, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { KnownNeedsRepository } from '../persistence/known-needs.repository';

/**
 * Remembers each need so that drafts can name it and say whose need they answer. Takes what is waiting
 * as one batch: every need registered reaches this consumer, so it must keep up with the write path, and
 * one transaction per event made it the slowest consumer of need.identified.
 */
@Injectable()
@EventConsumer('need.identified')
export class NeedIdentifiedConsumer implements ConsumesEventBatch<'need.identified'> {
  constructor(private readonly knownNeeds: KnownNeedsRepository) {}

  async handle(event: EventOf<'need.identified'>, tx: Transaction): Promise<void> {
    await this.handleBatch([event], tx.manager);
  }

  async handleBatch(events: readonly EventOf<'need.identified'>[], manager: EntityManager): Promise<void> {
    await this.knownNeeds.upsert(
      manager,
      events.map(({ payload: { needId, organisationId, areaCode } }) => ({ needId, organisationId, areaCode })),
    );
  }
}
