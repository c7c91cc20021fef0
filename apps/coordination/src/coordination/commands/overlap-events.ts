import type { AggregateRef } from '@styrkedjan/contracts';
import { OverlapState } from '../domain/overlap';

/** What every overlap event says of the overlap (the catalogue's `overlapRef`). */
export function overlapRef(overlap: OverlapState) {
  return {
    overlapId: overlap.id,
    kind: overlap.kind,
    supportId: overlap.supportId,
    supportTitle: overlap.supportTitle,
    leadAgencyId: overlap.leadAgencyId,
    otherSupportId: overlap.otherSupportId,
    otherSupportTitle: overlap.otherSupportTitle,
    otherLeadAgencyId: overlap.otherLeadAgencyId,
    needId: overlap.needId,
    areaCode: overlap.areaCode,
  };
}

export function overlapAggregate(overlap: OverlapState): AggregateRef {
  return { type: 'overlap', id: overlap.id, version: overlap.version };
}
