import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { draftChange, SupportChanges } from './support-changes';

/**
 * A new draft is checked for overlaps. A v1 draft (made before audiences existed) arrives upcast with no target
 * groups and an empty audience: it reaches no calendar cell until an edit states one.
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
      draftChange(draft, event.aggregate.version, { targetGroups: draft.targetGroups, audience: draft.audience }),
      { checkOverlaps: true },
    );
  }
}
