import type { DeclineReason, OrganisationKind, Sector, TriageDecision } from '@styrkedjan/contracts';
import { countBy, type NeedStage, type NeedState, type Supporter, type SupportStatus } from '../domain/need';
import type { NeedSupportEntity } from '../persistence/need-support.entity';

/** A supporter with what the directory says of its organisation (unknown until its event has arrived). */
export interface SupporterWithPlace extends Supporter {
  kind: OrganisationKind | null;
  countyId: string | null;
  countyName: string | null;
}

/** A need as the API shows it: plain JSON, so a replayed idempotent answer is the same bytes. */
export interface NeedView {
  id: string;
  organisationId: string;
  title: string;
  description: string;
  areaCode: string;
  sector: Sector;
  targetGroups: string[];
  note: string | null;
  stage: NeedStage;
  /** The need's version, also sent as its ETag: a triage must name it in If-Match. */
  version: number;
  identifiedAt: string;
  lastTransitionAt: string;
  triage: {
    decision: Exclude<TriageDecision, 'more-information-needed'>;
    rationale: string;
    decidedAt: string;
    leadAgencyId: string | null;
    declineReason: DeclineReason | null;
    existingSupportId: string | null;
    duplicateOfNeedId: string | null;
    reviewOn: string | null;
  } | null;
  openQuestion: string | null;
  /** Where a merged need went: the need that took over its submitter and endorsers. */
  mergedInto: string | null;
  /** Declined, then endorsed again: back on the steering group's list. */
  flaggedForReview: boolean;
  submitters: { organisationId: string; mergedFrom: string | null }[];
  endorsements: {
    count: number;
    byKind: Partial<Record<OrganisationKind, number>>;
    byCounty: { countyId: string; name: string | null; count: number }[];
    items: { organisationId: string; comment: string | null; localContext: string | null; endorsedAt: string }[];
  };
  addressedBy: {
    supportId: string;
    title: string;
    status: SupportStatus;
    draftedAt: string | null;
    publishedAt: string | null;
  }[];
}

export function toNeedView(
  need: Readonly<NeedState>,
  supporters: readonly SupporterWithPlace[],
  supports: readonly NeedSupportEntity[],
): NeedView {
  const endorsers = supporters.filter((s) => s.role === 'endorser');
  const counties = new Map<string, { countyId: string; name: string | null; count: number }>();
  for (const endorser of endorsers) {
    if (!endorser.countyId) continue;
    const county = counties.get(endorser.countyId) ?? {
      countyId: endorser.countyId,
      name: endorser.countyName,
      count: 0,
    };
    county.count += 1;
    counties.set(endorser.countyId, county);
  }
  return {
    id: need.id,
    organisationId: need.organisationId,
    title: need.title,
    description: need.description,
    areaCode: need.areaCode,
    sector: need.sector,
    targetGroups: need.targetGroups,
    note: need.note,
    stage: need.stage,
    version: need.version,
    identifiedAt: need.identifiedAt.toISOString(),
    lastTransitionAt: need.lastTransitionAt.toISOString(),
    triage:
      need.triageDecision && need.triageDecision !== 'more-information-needed'
        ? {
            decision: need.triageDecision,
            rationale: need.triageRationale ?? '',
            decidedAt: (need.triagedAt ?? need.lastTransitionAt).toISOString(),
            leadAgencyId: need.leadAgencyId,
            declineReason: need.declineReason,
            existingSupportId: need.existingSupportId,
            duplicateOfNeedId: need.duplicateOfNeedId,
            reviewOn: need.reviewOn,
          }
        : null,
    openQuestion: need.openQuestion,
    mergedInto: need.mergedInto,
    flaggedForReview: need.flaggedForReview,
    submitters: supporters
      .filter((s) => s.role === 'submitter')
      .map((s) => ({ organisationId: s.organisationId, mergedFrom: s.mergedFrom })),
    endorsements: {
      count: endorsers.length,
      byKind: countBy(endorsers.map((e) => e.kind)),
      byCounty: [...counties.values()].sort((a, b) => b.count - a.count || a.countyId.localeCompare(b.countyId)),
      items: endorsers.map((e) => ({
        organisationId: e.organisationId,
        comment: e.comment,
        localContext: e.localContext,
        endorsedAt: e.joinedAt.toISOString(),
      })),
    },
    addressedBy: supports.map((support) => ({
      supportId: support.supportId,
      title: support.title,
      status: support.status,
      draftedAt: support.draftedAt?.toISOString() ?? null,
      publishedAt: support.publishedAt?.toISOString() ?? null,
    })),
  };
}

/** A need found similar to another, with how alike (0–1) and why, in words. */
export interface SimilarNeedView {
  id: string;
  organisationId: string;
  title: string;
  areaCode: string;
  targetGroups: string[];
  stage: NeedStage;
  endorsementCount: number;
  score: number;
  reasons: string[];
}

/** One transition of a need's timeline. */
export interface TimelineEntryView {
  version: number;
  type: string;
  stage: NeedStage;
  at: string;
  actor: { organisationId: string | null; userId: string | null };
  decision: string | null;
  rationale: string | null;
  details: Record<string, unknown>;
}

/** The answer to registering a need: the need, and the open needs like it. */
export interface IdentifiedNeedView extends NeedView {
  similar: SimilarNeedView[];
}
