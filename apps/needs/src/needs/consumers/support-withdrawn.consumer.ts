import { Injectable } from '@nestjs/common';
import { EventOf } from '@styrkedjan/contracts';
import { ConsumesEvent, EventConsumer, Transaction } from '@styrkedjan/messaging';
import { recordNeedEvent } from '../commands/need-events';
import { NeedsRepository } from '../persistence/needs.repository';

/**
 * A withdrawn support answers its needs no more: each goes back to accepted (need.reopened, its stakeholders told)
 * unless another support still names it (the replacement among them, when it answers the need too). A redelivery
 * finds the link already withdrawn and records nothing.
 */
@Injectable()
@EventConsumer('support.withdrawn')
export class SupportWithdrawnConsumer implements ConsumesEvent<'support.withdrawn'> {
  constructor(private readonly needs: NeedsRepository) {}

  async handle(event: EventOf<'support.withdrawn'>, tx: Transaction): Promise<void> {
    const { supportId, title, leadAgencyId, reason, withdrawnAt } = event.payload;
    // In id order, so two withdrawals naming the same needs lock them in the same order.
    const needIds = [...new Set(event.payload.answersNeeds.map((n) => n.needId.toLowerCase()))].sort();
    for (const needId of needIds) {
      const unlinked = await this.needs.unlinkWithdrawn(tx.manager, { needId, supportId, at: withdrawnAt });
      if (!unlinked?.news || unlinked.others.length > 0) continue;
      const { need } = unlinked;
      const at = new Date(withdrawnAt);
      if (!need.reopen(at)) continue;
      await this.needs.save(tx.manager, need);
      const details = { supportId, supportTitle: title, leadAgencyId };
      await recordNeedEvent(
        tx,
        need,
        'need.reopened',
        {
          needId,
          ...details,
          stage: need.state.stage,
          stakeholders: need.stakeholders,
          reason,
          reopenedAt: withdrawnAt,
        },
        at,
        { rationale: reason, details },
      );
    }
  }
}
