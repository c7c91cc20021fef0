import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { NeedsRepository } from '../persistence/needs.repository';
import { ProjectionsRepository } from '../persistence/projections.repository';
import { addressNeeds } from './address-needs';

/** A draft now addresses the needs it names: each is being addressed, and its stakeholders hear of it. */
@Injectable()
@EventConsumer('support.drafted')
export class SupportDraftedConsumer implements ConsumesEvent<'support.drafted'> {
  constructor(
    private readonly needs: NeedsRepository,
    private readonly projections: ProjectionsRepository,
  ) {}

  async handle(event: EventOf<'support.drafted'>, tx: Transaction): Promise<void> {
    const { supportId, title, leadAgencyId, draftedAt } = event.payload;
    await this.projections.keepSupport(tx.manager, { ...event.payload, status: 'draft' }, event.aggregate.version);
    await addressNeeds(this.needs, tx, event.payload.answersNeeds, {
      supportId,
      title,
      leadAgencyId,
      status: 'draft',
      at: draftedAt,
    });
  }
}
