import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { EMPTY_AUDIENCE } from '../domain/audience';
import { draftChange, SupportChanges } from './support-changes';

/**
 * A new draft is checked for overlaps. support.drafted v1 carries no audience or target groups: a draft without
 * them has an empty audience (it reaches no calendar cell) until support.updated states one.
 */
@Injectable()
@EventConsumer('support.drafted')
export class SupportDraftedConsumer implements ConsumesEvent<'support.drafted'> {
  constructor(private readonly changes: SupportChanges) {}

  async handle(event: EventOf<'support.drafted'>, tx: Transaction): Promise<void> {
    const draft = event.payload;
    await this.changes.apply(
      tx,
      event,
      draftChange(draft, event.aggregate.version, { targetGroups: [], audience: EMPTY_AUDIENCE }),
      {
        checkOverlaps: true,
      },
    );
  }
}
