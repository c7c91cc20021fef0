import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { NeedsRepository } from '../persistence/needs.repository';

/** The needs a published support answers are now addressed. */
@Injectable()
@EventConsumer('support.published')
export class SupportPublishedConsumer implements ConsumesEvent<'support.published'> {
  constructor(private readonly needs: NeedsRepository) {}

  async handle(event: EventOf<'support.published'>, tx: Transaction): Promise<void> {
    const { supportId, title, answersNeeds, publishedAt } = event.payload;
    for (const { needId } of answersNeeds) {
      await this.needs.linkSupport(tx.manager, { needId, supportId, title, status: 'published', at: publishedAt });
    }
  }
}
