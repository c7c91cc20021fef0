import type { Sector } from '@styrkedjan/contracts';
import type { Audience } from './audience';

export type KnownSupportStatus = 'draft' | 'published' | 'withdrawn';

/** What the coordination service knows of a support, as the supports service announced it. */
export interface KnownSupport {
  supportId: string;
  leadAgencyId: string;
  coProducerIds: string[];
  title: string;
  summary: string;
  areaCode: string;
  sector: Sector;
  targetGroups: string[];
  audience: Audience;
  answersNeeds: string[];
  plannedReleaseDate: string | null;
  status: KnownSupportStatus;
  /** The support aggregate's version after the event this state came from. */
  version: number;
}

/** What one support event tells: some of the fields, at an aggregate version. */
export type SupportChange = Partial<Omit<KnownSupport, 'supportId' | 'version'>> & {
  supportId: string;
  version: number;
};

const BLANK: Omit<KnownSupport, 'supportId' | 'leadAgencyId' | 'areaCode' | 'sector' | 'title'> = {
  coProducerIds: [],
  summary: '',
  targetGroups: [],
  audience: { organisationKinds: [], sectors: [], professions: [] },
  answersNeeds: [],
  plannedReleaseDate: null,
  status: 'draft',
  version: 0,
};

const STATUS_RANK: Record<KnownSupportStatus, number> = { draft: 0, published: 1, withdrawn: 2 };

/**
 * Folds an event's fields into what is known. Events may arrive late, out of order or twice: a change older than
 * what is known leaves the fields alone, and the status only moves forward (a withdrawn support stays withdrawn,
 * a published one does not go back to draft while its revision is drafted).
 */
export function mergeSupport(current: KnownSupport | null, change: SupportChange): KnownSupport | null {
  const base = current ?? (isComplete(change) ? { ...BLANK, ...change, version: 0 } : null);
  if (!base) return null;
  const newer = change.version > base.version;
  const fields = newer ? definedFields(change) : {};
  const status = change.status && STATUS_RANK[change.status] > STATUS_RANK[base.status] ? change.status : base.status;
  return { ...base, ...fields, status, version: Math.max(base.version, change.version) };
}

function isComplete(
  change: SupportChange,
): change is SupportChange & Pick<KnownSupport, 'leadAgencyId' | 'title' | 'areaCode' | 'sector'> {
  return !!(change.leadAgencyId && change.title && change.areaCode && change.sector);
}

function definedFields(change: SupportChange): Partial<KnownSupport> {
  return Object.fromEntries(Object.entries(change).filter(([name, value]) => value !== undefined && name !== 'status'));
}
