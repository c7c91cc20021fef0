import { Injectable } from '@nestjs/common';
import type { PayloadOf } from '@styrkedjan/contracts';
import { Transaction } from '@styrkedjan/messaging';
import { CollisionEvaluator } from '../commands/evaluate-collisions/collision-evaluator';
import { OverlapDetector } from '../commands/detect-overlaps/overlap-detector';
import { SupportChange } from '../domain/known-support';
import { CalendarRepository } from '../persistence/calendar.repository';
import { KnownSupportsRepository } from '../persistence/known-supports.repository';

/** A draft's whole content as support.drafted and support.updated carry it; the fields one lacks come in `rest`. */
export function draftChange(
  draft: PayloadOf<'support.drafted'> | PayloadOf<'support.updated'>,
  version: number,
  rest: Pick<SupportChange, 'targetGroups' | 'audience'>,
): SupportChange {
  return {
    supportId: draft.supportId,
    version,
    leadAgencyId: draft.leadAgencyId,
    coProducerIds: draft.coProducerIds,
    title: draft.title,
    summary: draft.summary,
    areaCode: draft.areaCode,
    sector: draft.sector,
    answersNeeds: draft.answersNeeds.map((need) => need.needId),
    plannedReleaseDate: draft.plannedReleaseDate,
    status: 'draft',
    ...rest,
  };
}

/** What a support event asks of coordination besides the projection. */
export interface ChangeEffects {
  /** The draft's content changed: look for overlaps. */
  checkOverlaps?: boolean;
}

/**
 * One support event, folded in: the projection, the support's calendar entries, the collisions of every audience
 * cell it reached before or reaches now, and for a changed draft its overlaps; a withdrawal closes its overlaps.
 * Times are the event's, so replay equals live.
 */
@Injectable()
export class SupportChanges {
  constructor(
    private readonly supports: KnownSupportsRepository,
    private readonly calendar: CalendarRepository,
    private readonly collisions: CollisionEvaluator,
    private readonly overlaps: OverlapDetector,
  ) {}

  async apply(
    tx: Transaction,
    event: { id: string; occurredAt: string },
    change: SupportChange,
    effects: ChangeEffects = {},
  ): Promise<void> {
    const at = new Date(event.occurredAt);
    const { after } = await this.supports.apply(tx.manager, change);
    await this.relay(tx, event, after.supportId);
    if (after.status === 'withdrawn') await this.overlaps.closeFor(tx, after.supportId, at);
    else if (effects.checkOverlaps) await this.overlaps.detect(tx, after, at);
  }

  /** Lays the support's calendar entries anew and re-evaluates the collisions they touch. */
  async relay(tx: Transaction, event: { id: string; occurredAt: string }, supportId: string): Promise<void> {
    const [support] = await this.supports.find(tx.manager, [supportId]);
    if (!support) return;
    const touched = await this.calendar.relay(tx.manager, support);
    await this.collisions.evaluate(tx, touched, event.id, new Date(event.occurredAt));
  }
}
