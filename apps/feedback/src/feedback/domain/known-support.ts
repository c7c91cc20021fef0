/** What the feedback service knows of a knowledge support, as the supports service announced it. */
/** In the order a support goes through them: it never goes back. */
export const KNOWN_SUPPORT_STATUSES = ['draft', 'published', 'withdrawn'] as const;
export type KnownSupportStatus = (typeof KNOWN_SUPPORT_STATUSES)[number];

export interface KnownSupport {
  supportId: string;
  leadAgencyId: string;
  title: string;
  status: KnownSupportStatus;
  /** The support aggregate's version after the event this state came from (1 drafted, one more for each step). */
  aggregateVersion: number;
}

/**
 * Folds an announced state into what is known. Events may arrive late, out of order or twice, and the
 * result must not depend on that: the highest aggregate version wins the fields, and the furthest status is
 * kept whichever event carried it, since a support never goes back (withdrawn after published after draft).
 */
export function mergeKnownSupport(current: KnownSupport | null, incoming: KnownSupport): KnownSupport {
  if (!current) return { ...incoming };
  const newer = incoming.aggregateVersion > current.aggregateVersion ? incoming : current;
  const rank = (status: KnownSupportStatus) => KNOWN_SUPPORT_STATUSES.indexOf(status);
  const status = rank(incoming.status) > rank(current.status) ? incoming.status : current.status;
  return { ...newer, status };
}
