import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { draftChange, SupportChanges } from './support-changes';

/** An edited draft carries the whole draft: it replaces what is known and is checked for overlaps again. */
@Injectable()
@EventConsumer('support.updated')
export class SupportUpdatedConsumer implements ConsumesEvent<'support.updated'> {
  constructor(private readonly changes: SupportChanges) {}

  async handle(event: EventOf<'support.updated'>, tx: Transaction): Promise<void> {
    const draft = event.payload;
    await this.changes.apply(
      tx,
      event,
      draftChange(draft, event.aggregate.version, { targetGroups: draft.targetGroups, audience: draft.audience }),
      {
        checkOverlaps: true,
      },
    );
  }
}
