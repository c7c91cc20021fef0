import type { Transaction } from '@styrkedjan/messaging';
import type { SupportStatus } from '../domain/need';
import type { NeedsRepository } from '../persistence/needs.repository';
import { recordNeedEvent } from '../commands/need-events';

/**
 * Links a support to each need it names and, where that moves the need on (a first draft, a publication),
 * records `need.addressed` or `need.answered` with the need's stakeholders. A link that is not news (a draft
 * arriving after its publication, a duplicate) changes and records nothing.
 */
export async function addressNeeds(
  needs: NeedsRepository,
  tx: Transaction,
  answersNeeds: readonly { needId: string }[],
  support: { supportId: string; title: string; leadAgencyId: string; status: SupportStatus; at: string },
): Promise<void> {
  // In id order, so two supports naming the same needs lock them in the same order.
  const needIds = [...new Set(answersNeeds.map((n) => n.needId.toLowerCase()))].sort();
  for (const needId of needIds) {
    const linked = await needs.linkSupport(tx.manager, { needId, ...support });
    if (!linked) continue;
    const { need, previous } = linked;
    const at = new Date(support.at);
    if (!need.addressedBy(support.status, previous, at)) continue;
    await needs.save(tx.manager, need);
    const common = {
      needId: need.state.id,
      supportId: support.supportId,
      supportTitle: support.title,
      leadAgencyId: support.leadAgencyId,
      stage: need.state.stage,
      stakeholders: need.stakeholders,
    };
    const details = { supportId: support.supportId, supportTitle: support.title, leadAgencyId: support.leadAgencyId };
    if (support.status === 'draft')
      await recordNeedEvent(tx, need, 'need.addressed', { ...common, addressedAt: support.at }, at, { details });
    else await recordNeedEvent(tx, need, 'need.answered', { ...common, answeredAt: support.at }, at, { details });
  }
}
