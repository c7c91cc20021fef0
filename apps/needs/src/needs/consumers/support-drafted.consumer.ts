import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { NeedsRepository } from '../persistence/needs.repository';

/** A draft now addresses the needs it names. */
@Injectable()
@EventConsumer('support.drafted')
export class SupportDraftedConsumer implements ConsumesEvent<'support.drafted'> {
  constructor(private readonly needs: NeedsRepository) {}

  async handle(event: EventOf<'support.drafted'>, tx: Transaction): Promise<void> {
    const { supportId, title, answersNeeds, draftedAt } = event.payload;
    for (const { needId } of answersNeeds) {
      await this.needs.linkSupport(tx.manager, { needId, supportId, title, status: 'draft', at: draftedAt });
    }
  }
}
