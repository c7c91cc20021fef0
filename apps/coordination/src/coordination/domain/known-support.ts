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
  /** The support aggregate's highest version seen. */
  version: number;
  /** For each field, the aggregate version of the event it was last taken from. */
  fieldVersions: Record<string, number>;
}

type Fields = Omit<KnownSupport, 'supportId' | 'version' | 'status' | 'fieldVersions'>;

/** What one support event tells: some of the fields, at an aggregate version. Every event names lead, title, area. */
export type SupportChange = Partial<Fields> &
  Pick<KnownSupport, 'supportId' | 'version' | 'leadAgencyId' | 'title' | 'areaCode'> & {
    status?: KnownSupportStatus;
  };

const BLANK: Omit<Fields, 'leadAgencyId' | 'title' | 'areaCode' | 'sector'> = {
  coProducerIds: [],
  summary: '',
  targetGroups: [],
  audience: { organisationKinds: [], sectors: [], professions: [] },
  answersNeeds: [],
  plannedReleaseDate: null,
};

const STATUS_RANK: Record<KnownSupportStatus, number> = { draft: 0, published: 1, withdrawn: 2 };

/**
 * Folds an event's fields into what is known. Events may arrive late, out of order or twice, and the result must
 * not depend on that: each field keeps the value of the newest event that carried it (a reschedule that overtook
 * the draft keeps its date, the draft arriving after it still gives the summary), and the status only moves
 * forward (a withdrawn support stays withdrawn, a published one does not go back to draft while it is revised).
 * A support first heard of by an event without a sector takes its area's (the area code's prefix).
 */
export function mergeSupport(current: KnownSupport | null, change: SupportChange): KnownSupport {
  const base: KnownSupport = current ?? {
    ...BLANK,
    supportId: change.supportId,
    leadAgencyId: change.leadAgencyId,
    title: change.title,
    areaCode: change.areaCode,
    sector: change.sector ?? (change.areaCode.split('.')[0] as Sector),
    status: 'draft',
    version: 0,
    fieldVersions: {},
  };
  const merged: KnownSupport = { ...base, fieldVersions: { ...base.fieldVersions } };
  for (const [name, value] of Object.entries(change)) {
    if (value === undefined || name === 'supportId' || name === 'version' || name === 'status') continue;
    if ((merged.fieldVersions[name] ?? 0) >= change.version && current) continue;
    (merged as unknown as Record<string, unknown>)[name] = value;
    merged.fieldVersions[name] = change.version;
  }
  if (change.status && STATUS_RANK[change.status] > STATUS_RANK[merged.status]) merged.status = change.status;
  merged.version = Math.max(base.version, change.version);
  return merged;
}
