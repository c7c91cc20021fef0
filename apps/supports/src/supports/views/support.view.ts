import type { RevisionChange } from '@styrkedjan/contracts';
import { copyAudience, type SupportContent, type SupportState } from '../domain/support';

/** A support as the API shows it: plain JSON (times as ISO strings), so a replayed idempotent answer is the same bytes. */
export type SupportView = Omit<SupportState, 'draftedAt' | 'publishedAt' | 'revision' | 'withdrawal'> & {
  revision: { edition: string; change: RevisionChange; changeNote: string; startedAt: string } | null;
  withdrawal: { reason: string; replacedBySupportId: string | null; withdrawnAt: string } | null;
  draftedAt: string;
  publishedAt: string | null;
};

/** A published edition as it was published: what GET /supports/{id} shows in force and /versions lists. */
export interface EditionView extends Omit<SupportContent, 'plannedReleaseDate'> {
  edition: string;
  /** Null for 1.0, the first publication. */
  change: RevisionChange | null;
  changeNote: string | null;
  publishedAt: string;
}

export interface RegionalAdditionView {
  id: string;
  supportId: string;
  regionId: string;
  title: string;
  summary: string;
  url: string | null;
  publishedAt: string;
}

/** One support with the edition in force beside the working one, and the regions' additions to it. */
export type SupportDetailView = SupportView & {
  inForce: EditionView | null;
  regionalAdditions: RegionalAdditionView[];
};

export interface HistoryStepView {
  /** The event that made the step: support.drafted, support.rescheduled, consultation.closed … */
  step: string;
  at: string;
  /** Who: the acting organisation and user, null when the system acted. */
  organisationId: string | null;
  userId: string | null;
  edition: string | null;
  /** Why, where the step has a reason: a reschedule's, an extension's, a revision's change note, a withdrawal's. */
  reason: string | null;
  details: Record<string, unknown>;
}

export function toSupportView(support: Readonly<SupportState>): SupportView {
  const { revision, withdrawal } = support;
  return {
    id: support.id,
    title: support.title,
    summary: support.summary,
    areaCode: support.areaCode,
    sector: support.sector,
    productType: support.productType,
    targetGroups: [...support.targetGroups],
    audience: copyAudience(support.audience),
    leadAgencyId: support.leadAgencyId,
    coProducerIds: [...support.coProducerIds],
    needIds: [...support.needIds],
    status: support.status,
    edition: support.edition,
    inForceEdition: support.inForceEdition,
    revision: revision
      ? {
          edition: support.edition,
          change: revision.change,
          changeNote: revision.changeNote,
          startedAt: revision.startedAt.toISOString(),
        }
      : null,
    withdrawal: withdrawal
      ? {
          reason: withdrawal.reason,
          replacedBySupportId: withdrawal.replacedBySupportId,
          withdrawnAt: withdrawal.withdrawnAt.toISOString(),
        }
      : null,
    plannedReleaseDate: support.plannedReleaseDate,
    draftedAt: support.draftedAt.toISOString(),
    publishedAt: support.publishedAt?.toISOString() ?? null,
    version: support.version,
  };
}
