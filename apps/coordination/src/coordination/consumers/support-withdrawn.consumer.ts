import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { SupportChanges } from './support-changes';

/** A withdrawn support leaves the calendar, clears what it collided in and closes its open overlaps. */
@Injectable()
@EventConsumer('support.withdrawn')
export class SupportWithdrawnConsumer implements ConsumesEvent<'support.withdrawn'> {
  constructor(private readonly changes: SupportChanges) {}

  async handle(event: EventOf<'support.withdrawn'>, tx: Transaction): Promise<void> {
    const { supportId, leadAgencyId, title, areaCode, sector } = event.payload;
    await this.changes.apply(tx, event, {
      supportId,
      version: event.aggregate.version,
      leadAgencyId,
      title,
      areaCode,
      sector,
      status: 'withdrawn',
    });
  }
}
