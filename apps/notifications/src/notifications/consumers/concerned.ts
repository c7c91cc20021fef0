import type { EventOf } from '@styrkedjan/contracts';
import type { Transaction } from '@styrkedjan/messaging';
import type { Concerned } from '../domain/lifecycle-notices';
import type { RecipientsRepository } from '../persistence/recipients.repository';

/** Who a support's major revision or withdrawal concerns: its area, its needs' submitters, its appliers. */
export async function concernedBy(
  tx: Transaction,
  recipients: RecipientsRepository,
  event: EventOf<'support.revised' | 'support.withdrawn'>,
): Promise<Concerned> {
  const { supportId, areaCode, answersNeeds } = event.payload;
  return {
    areaCode,
    submitterIds: answersNeeds.map((need) => need.organisationId),
    applierIds: await recipients.appliersOf(tx.manager, supportId),
  };
}
