import type { OrganisationKind } from '@styrkedjan/contracts';

/** The kinds of organisation that meet needs in their own work and may register them. */
export const NEED_OWNER_KINDS: readonly OrganisationKind[] = [
  'municipality',
  'region',
  'profession',
  'patient_organisation',
];

export function mayIdentifyNeed(kind: OrganisationKind): boolean {
  return NEED_OWNER_KINDS.includes(kind);
}

export type SupportStatus = 'drafted' | 'published';

/** How far the chain has come in answering a need: the furthest of the supports that address it. */
export type NeedStage = 'identified' | 'addressed_by_draft' | 'addressed';

export function stageOf(supportStatuses: readonly SupportStatus[]): NeedStage {
  if (supportStatuses.includes('published')) return 'addressed';
  if (supportStatuses.length > 0) return 'addressed_by_draft';
  return 'identified';
}

/** A support only moves forward; a `drafted` event arriving after `published` must not move it back. */
export function laterStatus(current: SupportStatus | undefined, incoming: SupportStatus): SupportStatus {
  return current === 'published' || incoming === 'published' ? 'published' : 'drafted';
}
