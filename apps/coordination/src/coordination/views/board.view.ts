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
