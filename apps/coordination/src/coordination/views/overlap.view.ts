import type { OverlapKind, OverlapResolution } from '@styrkedjan/contracts';
import type { Audience } from '../domain/audience';
import { OverlapState, OverlapStatus, partiesOf } from '../domain/overlap';
import type { Reason } from '../domain/overlap-score';

/** An overlap as clients read it. */
export interface OverlapView {
  id: string;
  kind: OverlapKind;
  status: OverlapStatus;
  support: { id: string; title: string; leadAgencyId: string };
  otherSupport: { id: string; title: string; leadAgencyId: string } | null;
  need: { id: string; assignedTo: string } | null;
  agencyIds: string[];
  areaCode: string;
  score: number;
  reasons: Reason[];
  audience: Audience;
  detectedAt: string;
  resolution: {
    resolution: OverlapResolution;
    rationale: string;
    resolvedBy: string;
    coProducer: { supportId: string; organisationId: string } | null;
    withdrawSupportId: string | null;
    resolvedAt: string;
  } | null;
  closedAt: string | null;
}

export function toOverlapView(overlap: OverlapState): OverlapView {
  return {
    id: overlap.id,
    kind: overlap.kind,
    status: overlap.status,
    support: { id: overlap.supportId, title: overlap.supportTitle, leadAgencyId: overlap.leadAgencyId },
    otherSupport: overlap.otherSupportId
      ? {
          id: overlap.otherSupportId,
          title: overlap.otherSupportTitle ?? '',
          leadAgencyId: overlap.otherLeadAgencyId,
        }
      : null,
    need: overlap.needId ? { id: overlap.needId, assignedTo: overlap.otherLeadAgencyId } : null,
    agencyIds: partiesOf(overlap),
    areaCode: overlap.areaCode,
    score: overlap.score,
    reasons: overlap.reasons,
    audience: overlap.audience,
    detectedAt: overlap.detectedAt.toISOString(),
    resolution:
      overlap.resolution && overlap.resolvedAt
        ? {
            resolution: overlap.resolution,
            rationale: overlap.rationale ?? '',
            resolvedBy: overlap.resolvedBy ?? '',
            coProducer: overlap.coProducer,
            withdrawSupportId: overlap.withdrawSupportId,
            resolvedAt: overlap.resolvedAt.toISOString(),
          }
        : null,
    closedAt: overlap.closedAt?.toISOString() ?? null,
  };
}
