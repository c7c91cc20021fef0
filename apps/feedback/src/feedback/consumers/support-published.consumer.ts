import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { KnownSupportsRepository } from '../persistence/known-supports.repository';

/** A published support takes feedback from now on; this may arrive before its draft event. */
@Injectable()
@EventConsumer('support.published')
export class SupportPublishedConsumer implements ConsumesEvent<'support.published'> {
  constructor(private readonly knownSupports: KnownSupportsRepository) {}

  async handle(event: EventOf<'support.published'>, tx: Transaction): Promise<void> {
    const { supportId, leadAgencyId, title } = event.payload;
    await this.knownSupports.apply(tx.manager, {
      supportId,
      leadAgencyId,
      title,
      status: 'published',
      aggregateVersion: event.aggregate.version,
    });
  }
}
