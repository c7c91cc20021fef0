import type { Page } from '@styrkedjan/platform';

export interface OpenOverlapRow {
  overlapId: string;
  kind: string;
  supportId: string;
  supportTitle: string;
  leadAgencyId: string;
  otherSupportId: string | null;
  otherSupportTitle: string | null;
  otherLeadAgencyId: string;
  needId: string | null;
  areaCode: string;
  score: number;
  detectedAt: string;
  ageDays: number;
}

export interface OpenCollisionRow {
  collisionId: string;
  audience: string;
  from: string;
  to: string;
  supportCount: number;
  supportIds: string[];
  leadAgencyIds: string[];
  detectedAt: string;
  ageDays: number;
}

export interface ContestedNeedRow {
  needId: string;
  /** The agency a steering group assigned the need to, if any. */
  assignedTo: string | null;
  /** Every agency answering it with a support, or assigned it. */
  agencyIds: string[];
  supportIds: string[];
}

export interface SupportsByAreaRow {
  areaCode: string;
  leadAgencyId: string;
  drafts: number;
  published: number;
}

export interface ResolvedOverlapRow {
  overlapId: string;
  supportId: string;
  supportTitle: string;
  otherSupportId: string | null;
  otherSupportTitle: string | null;
  needId: string | null;
  resolution: string;
  rationale: string;
  resolvedBy: string;
  resolvedAt: string;
}

export interface BoardRows {
  'open-overlaps': OpenOverlapRow;
  'open-collisions': OpenCollisionRow;
  'contested-needs': ContestedNeedRow;
  'supports-by-area': SupportsByAreaRow;
  'recently-resolved': ResolvedOverlapRow;
}

export type BoardView = { [L in keyof BoardRows]: Page<BoardRows[L]> };

/** The columns of each list's CSV, in order: the header row is there even for an empty page. */
export const BOARD_COLUMNS: { [L in keyof BoardRows]: (keyof BoardRows[L] & string)[] } = {
  'open-overlaps': [
    'overlapId',
    'kind',
    'supportId',
    'supportTitle',
    'leadAgencyId',
    'otherSupportId',
    'otherSupportTitle',
    'otherLeadAgencyId',
    'needId',
    'areaCode',
    'score',
    'detectedAt',
    'ageDays',
  ],
  'open-collisions': [
    'collisionId',
    'audience',
    'from',
    'to',
    'supportCount',
    'supportIds',
    'leadAgencyIds',
    'detectedAt',
    'ageDays',
  ],
  'contested-needs': ['needId', 'assignedTo', 'agencyIds', 'supportIds'],
  'supports-by-area': ['areaCode', 'leadAgencyId', 'drafts', 'published'],
  'recently-resolved': [
    'overlapId',
    'supportId',
    'supportTitle',
    'otherSupportId',
    'otherSupportTitle',
    'needId',
    'resolution',
    'rationale',
    'resolvedBy',
    'resolvedAt',
  ],
};
