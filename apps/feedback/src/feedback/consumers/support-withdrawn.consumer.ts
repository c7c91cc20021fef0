import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { KnownSupportsRepository } from '../persistence/known-supports.repository';

/** A withdrawn support takes no more feedback; this may arrive before its other events. */
@Injectable()
@EventConsumer('support.withdrawn')
export class SupportWithdrawnConsumer implements ConsumesEvent<'support.withdrawn'> {
  constructor(private readonly knownSupports: KnownSupportsRepository) {}

  async handle(event: EventOf<'support.withdrawn'>, tx: Transaction): Promise<void> {
    const { supportId, leadAgencyId, title } = event.payload;
    await this.knownSupports.apply(tx.manager, {
      supportId,
      leadAgencyId,
      title,
      status: 'withdrawn',
      aggregateVersion: event.aggregate.version,
    });
  }
}
