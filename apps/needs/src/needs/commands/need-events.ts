import type { EventType, PayloadOf } from '@styrkedjan/contracts';
import type { Transaction } from '@styrkedjan/messaging';
import type { Need, NeedState } from '../domain/need';
import { appendTransition } from '../persistence/need-transition.entity';

/** The payload of `need.identified` from the need's state: the contract in one place, testable on its own. */
export function needIdentifiedPayload(need: Readonly<NeedState>): PayloadOf<'need.identified'> {
  return {
    needId: need.id,
    organisationId: need.organisationId,
    title: need.title,
    description: need.description,
    areaCode: need.areaCode,
    sector: need.sector,
    targetGroups: need.targetGroups,
    note: need.note,
    identifiedAt: need.identifiedAt.toISOString(),
  };
}

export type NeedEventType = Extract<EventType, `need.${string}`>;

/** How a transition reads in the timeline, beside the event itself. */
export interface TimelineNote {
  decision?: string | null;
  rationale?: string | null;
  details?: Record<string, unknown>;
}

/**
 * Records an event of the need at its current version and the same transition in its timeline, in the
 * transaction of the change: the timeline never shows what the outbox does not carry, nor the other way round.
 */
export async function recordNeedEvent<T extends NeedEventType>(
  tx: Transaction,
  need: Need,
  type: T,
  payload: PayloadOf<T>,
  at: Date,
  note: TimelineNote = {},
): Promise<void> {
  const { id, version, stage } = need.state;
  const event = tx.record(type, { type: 'need', id, version }, payload);
  await appendTransition(tx.manager, {
    needId: id,
    version,
    type,
    stage,
    actorOrganisationId: event.actor.organisationId,
    actorUserId: event.actor.userId,
    at,
    ...note,
  });
}
