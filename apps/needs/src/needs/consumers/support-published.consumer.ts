import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { NeedsRepository } from '../persistence/needs.repository';
import { ProjectionsRepository } from '../persistence/projections.repository';
import { addressNeeds } from './address-needs';

/** The needs a published support names are answered, and their stakeholders hear of it. */
@Injectable()
@EventConsumer('support.published')
export class SupportPublishedConsumer implements ConsumesEvent<'support.published'> {
  constructor(
    private readonly needs: NeedsRepository,
    private readonly projections: ProjectionsRepository,
  ) {}

  async handle(event: EventOf<'support.published'>, tx: Transaction): Promise<void> {
    const { supportId, title, leadAgencyId, publishedAt } = event.payload;
    await this.projections.keepSupport(tx.manager, { ...event.payload, status: 'published' }, event.aggregate.version);
    await addressNeeds(this.needs, tx, event.payload.answersNeeds, {
      supportId,
      title,
      leadAgencyId,
      status: 'published',
      at: publishedAt,
    });
  }
}
