import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { SupportChanges } from './support-changes';

/** A published support stays a candidate for other agencies' drafts to overlap. */
@Injectable()
@EventConsumer('support.published')
export class SupportPublishedConsumer implements ConsumesEvent<'support.published'> {
  constructor(private readonly changes: SupportChanges) {}

  async handle(event: EventOf<'support.published'>, tx: Transaction): Promise<void> {
    const { supportId, leadAgencyId, title, areaCode, sector, answersNeeds } = event.payload;
    await this.changes.apply(tx, event, {
      supportId,
      version: event.aggregate.version,
      leadAgencyId,
      title,
      areaCode,
      sector,
      answersNeeds: answersNeeds.map((need) => need.needId),
      status: 'published',
    });
  }
}
