import { FIRST_EDITION, NO_AUDIENCE } from '@styrkedjan/contracts';

/**
 * What support.drafted v2 adds to a draft that names no product type, target groups or audience: for specs whose
 * subject is something else (needs, notifications, the pipeline) and build the payload by hand.
 */
export const UNCLASSIFIED_DRAFT = {
  productType: null,
  targetGroups: [] as string[],
  audience: NO_AUDIENCE,
  edition: FIRST_EDITION,
};

/** What support.published v2 adds to a publication of such a draft. */
export const UNCLASSIFIED_PUBLICATION = { ...UNCLASSIFIED_DRAFT, coProducerIds: [] as string[], summary: '' };
