/** What the feedback service knows of a knowledge support, as the supports service announced it. */
export const KNOWN_SUPPORT_STATUSES = ['draft', 'published'] as const;
export type KnownSupportStatus = (typeof KNOWN_SUPPORT_STATUSES)[number];

export interface KnownSupport {
  supportId: string;
  leadAgencyId: string;
  title: string;
  status: KnownSupportStatus;
  /** The support aggregate's version after the event this state came from (1 drafted, 2 published). */
  aggregateVersion: number;
}

/**
 * Folds an announced state into what is known. Events may arrive late, out of order or twice, and the
 * result must not depend on that: the highest aggregate version wins the fields, and `published` is
 * kept whichever event carried it, since a support never goes back to draft.
 */
export function mergeKnownSupport(current: KnownSupport | null, incoming: KnownSupport): KnownSupport {
  if (!current) return { ...incoming };
  const newer = incoming.aggregateVersion > current.aggregateVersion ? incoming : current;
  const status: KnownSupportStatus =
    current.status === 'published' || incoming.status === 'published' ? 'published' : 'draft';
  return { ...newer, status };
}
