import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { KnownSupportsRepository } from '../persistence/known-supports.repository';

/** A draft is known, so feedback on it can be refused with 409 rather than 404. */
@Injectable()
@EventConsumer('support.drafted')
export class SupportDraftedConsumer implements ConsumesEvent<'support.drafted'> {
  constructor(private readonly knownSupports: KnownSupportsRepository) {}

  async handle(event: EventOf<'support.drafted'>, tx: Transaction): Promise<void> {
    const { supportId, leadAgencyId, title } = event.payload;
    await this.knownSupports.apply(tx.manager, {
      supportId,
      leadAgencyId,
      title,
      status: 'draft',
      aggregateVersion: event.aggregate.version,
    });
  }
}
