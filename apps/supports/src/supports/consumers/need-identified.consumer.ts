import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { KnownNeedsRepository } from '../persistence/known-needs.repository';

/** Remembers each need so that drafts can name it and say whose need they answer. */
@Injectable()
@EventConsumer('need.identified')
export class NeedIdentifiedConsumer implements ConsumesEvent<'need.identified'> {
  constructor(private readonly knownNeeds: KnownNeedsRepository) {}

  async handle(event: EventOf<'need.identified'>, tx: Transaction): Promise<void> {
    const { needId, organisationId, areaCode } = event.payload;
    await this.knownNeeds.upsert(tx.manager, { needId, organisationId, areaCode });
  }
}
