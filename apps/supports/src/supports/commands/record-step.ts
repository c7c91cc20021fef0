import type { EntityManager } from 'typeorm';
import type { PayloadOf } from '@styrkedjan/contracts';
import type { Transaction } from '@styrkedjan/messaging';
import { NotFound } from '@styrkedjan/platform';
import { Support } from '../domain/support';
import type { HistoryEvent, HistoryEventType, HistoryRepository } from '../persistence/history.repository';
import type { SupportsRepository } from '../persistence/supports.repository';

type SupportEventType = Extract<HistoryEventType, `support.${string}`>;

/**
 * Records one of the support's own events in the outbox and its step in the support's history, in the same
 * transaction: the history never shows a step whose event was not sent, nor misses one that was.
 */
export async function recordStep<T extends SupportEventType>(
  tx: Transaction,
  history: HistoryRepository,
  type: T,
  aggregate: { type: string; id: string; version: number },
  payload: PayloadOf<T>,
): Promise<void> {
  const event = tx.record(type, aggregate, payload) as HistoryEvent;
  await history.keep(tx.manager, event);
}

/** The support, locked for the rest of the transaction so that of two steps at once one waits for the other; or 404. */
export async function loadForUpdate(
  supports: SupportsRepository,
  manager: EntityManager,
  supportId: string,
): Promise<Support> {
  const stored = await supports.findForUpdate(manager, supportId);
  if (!stored) throw new NotFound('Support', supportId);
  return Support.restore(stored);
}
