import type { OverlapKind, OverlapResolution } from '@styrkedjan/contracts';
import { Conflict, InvalidInput, NotPermitted } from '@styrkedjan/platform/errors';
import type { Audience } from './audience';
import type { Reason } from './overlap-score';

export const OVERLAP_STATUSES = ['open', 'resolved', 'closed'] as const;
export type OverlapStatus = (typeof OVERLAP_STATUSES)[number];

export interface OverlapState {
  id: string;
  kind: OverlapKind;
  supportId: string;
  supportTitle: string;
  leadAgencyId: string;
  otherSupportId: string | null;
  otherSupportTitle: string | null;
  otherLeadAgencyId: string;
  needId: string | null;
  areaCode: string;
  score: number;
  reasons: Reason[];
  audience: Audience;
  status: OverlapStatus;
  resolution: OverlapResolution | null;
  rationale: string | null;
  resolvedBy: string | null;
  coProducer: { supportId: string; organisationId: string } | null;
  withdrawSupportId: string | null;
  detectedAt: Date;
  resolvedAt: Date | null;
  closedAt: Date | null;
  version: number;
}

/** Who asks to resolve: the organisation, and whether it may act as a steering group (see `mayResolve`). */
export interface Resolver {
  organisationId: string;
  steeringGroup: boolean;
}

export interface Resolution {
  resolution: OverlapResolution;
  rationale: string;
  withdrawSupportId: string | null;
  at: Date;
}

export function partiesOf(overlap: Pick<OverlapState, 'leadAgencyId' | 'otherLeadAgencyId'>): string[] {
  return [...new Set([overlap.leadAgencyId, overlap.otherLeadAgencyId])];
}

function supportsOf(overlap: OverlapState): string[] {
  return overlap.otherSupportId ? [overlap.supportId, overlap.otherSupportId] : [overlap.supportId];
}

/**
 * Resolves an open overlap. Only its two agencies or a steering group may (403); an overlap that is no longer
 * open is a 409; `distinct` must say why; `merge` names which of the overlap's supports goes (400 otherwise).
 * `coordinate` makes the other agency a co-producer of the resolver's own support, or of the changed draft when a
 * steering group resolves (or for an overlap with a need, where the changed draft is the only support).
 */
export function resolveOverlap(overlap: OverlapState, resolver: Resolver, input: Resolution): OverlapState {
  const parties = partiesOf(overlap);
  const party = parties.includes(resolver.organisationId.toLowerCase());
  if (!party && !resolver.steeringGroup)
    throw new NotPermitted('Only the agencies the overlap concerns, or a steering group, may resolve it.');
  if (overlap.status !== 'open')
    throw new Conflict('overlap_not_open', `The overlap is already ${overlap.status}; it cannot be resolved again.`);
  const rationale = input.rationale.trim();
  if (input.resolution === 'distinct' && !rationale)
    throw InvalidInput.field('rationale', 'must say why the supports are distinct');
  if (input.resolution !== 'merge' && input.withdrawSupportId)
    throw InvalidInput.field('withdrawSupportId', 'is only for a merge');
  let withdrawSupportId: string | null = null;
  if (input.resolution === 'merge') {
    if (!overlap.otherSupportId)
      throw InvalidInput.field('resolution', 'an overlap with a need has one support; it cannot be merged');
    if (!input.withdrawSupportId) throw InvalidInput.field('withdrawSupportId', 'must name the support to withdraw');
    withdrawSupportId = input.withdrawSupportId.toLowerCase();
    if (!supportsOf(overlap).includes(withdrawSupportId))
      throw InvalidInput.field('withdrawSupportId', 'must be one of the two supports of the overlap');
  }
  return {
    ...overlap,
    status: 'resolved',
    resolution: input.resolution,
    rationale,
    resolvedBy: resolver.organisationId.toLowerCase(),
    coProducer: input.resolution === 'coordinate' ? coProducerFor(overlap, resolver.organisationId) : null,
    withdrawSupportId,
    resolvedAt: input.at,
    version: overlap.version + 1,
  };
}

function coProducerFor(overlap: OverlapState, resolverId: string): { supportId: string; organisationId: string } {
  const resolver = resolverId.toLowerCase();
  if (overlap.otherSupportId && resolver === overlap.otherLeadAgencyId)
    return { supportId: overlap.otherSupportId, organisationId: overlap.leadAgencyId };
  return { supportId: overlap.supportId, organisationId: overlap.otherLeadAgencyId };
}

/** The support the merge keeps: the other of the two. */
export function keptSupport(overlap: OverlapState): string | null {
  if (!overlap.withdrawSupportId) return null;
  return supportsOf(overlap).find((id) => id !== overlap.withdrawSupportId) ?? null;
}

/** An open overlap closes by itself when one of its supports is withdrawn. */
export function closeOverlap(overlap: OverlapState, at: Date): OverlapState {
  return { ...overlap, status: 'closed', closedAt: at, version: overlap.version + 1 };
}
