import type { PayloadOf } from '@styrkedjan/contracts';
import type { SupportState } from '../domain/support';

/** A need a support answers, and who identified it: who the needs service and notifications tell. */
export interface AnsweredNeed {
  needId: string;
  organisationId: string;
}

/** Kept free of Nest and TypeORM so that the contract of both events can be unit-tested on its own. */
export function supportDraftedPayload(
  support: Readonly<SupportState>,
  answersNeeds: readonly AnsweredNeed[],
): PayloadOf<'support.drafted'> {
  return {
    supportId: support.id,
    leadAgencyId: support.leadAgencyId,
    coProducerIds: [...support.coProducerIds],
    title: support.title,
    summary: support.summary,
    areaCode: support.areaCode,
    sector: support.sector,
    answersNeeds: answersNeeds.map(({ needId, organisationId }) => ({ needId, organisationId })),
    plannedReleaseDate: support.plannedReleaseDate,
    draftedAt: support.draftedAt.toISOString(),
  };
}

export function supportPublishedPayload(
  support: Readonly<SupportState>,
  answersNeeds: readonly AnsweredNeed[],
): PayloadOf<'support.published'> {
  if (!support.publishedAt) throw new Error(`support ${support.id} is not published`);
  return {
    supportId: support.id,
    leadAgencyId: support.leadAgencyId,
    title: support.title,
    areaCode: support.areaCode,
    sector: support.sector,
    answersNeeds: answersNeeds.map(({ needId, organisationId }) => ({ needId, organisationId })),
    publishedAt: support.publishedAt.toISOString(),
  };
}
