import type { PayloadOf } from '@styrkedjan/contracts';
import { copyAudience, type DraftEdit, type Publication, type SupportState } from '../domain/support';

/** A need a support answers, and who identified it: who the needs service and notifications tell. */
export interface AnsweredNeed {
  needId: string;
  organisationId: string;
}

/** Kept free of Nest and TypeORM so that the contract of every event can be unit-tested on its own. */
function content(support: Readonly<SupportState>) {
  return {
    supportId: support.id,
    leadAgencyId: support.leadAgencyId,
    coProducerIds: [...support.coProducerIds],
    title: support.title,
    summary: support.summary,
    areaCode: support.areaCode,
    sector: support.sector,
    productType: support.productType,
    targetGroups: [...support.targetGroups],
    audience: copyAudience(support.audience),
  };
}

const answered = (answersNeeds: readonly AnsweredNeed[]) =>
  answersNeeds.map(({ needId, organisationId }) => ({ needId, organisationId }));

export function supportDraftedPayload(
  support: Readonly<SupportState>,
  answersNeeds: readonly AnsweredNeed[],
): PayloadOf<'support.drafted'> {
  return {
    ...content(support),
    answersNeeds: answered(answersNeeds),
    plannedReleaseDate: support.plannedReleaseDate,
    edition: support.edition,
    draftedAt: support.draftedAt.toISOString(),
  };
}

export function supportPublishedPayload(
  support: Readonly<SupportState>,
  answersNeeds: readonly AnsweredNeed[],
): PayloadOf<'support.published'> {
  if (!support.publishedAt) throw new Error(`support ${support.id} is not published`);
  return {
    ...content(support),
    answersNeeds: answered(answersNeeds),
    edition: support.edition,
    publishedAt: support.publishedAt.toISOString(),
  };
}

export function supportUpdatedPayload(
  support: Readonly<SupportState>,
  answersNeeds: readonly AnsweredNeed[],
  edit: DraftEdit,
  at: Date,
): PayloadOf<'support.updated'> {
  return {
    ...content(support),
    answersNeeds: answered(answersNeeds),
    plannedReleaseDate: support.plannedReleaseDate,
    edition: support.edition,
    changed: [...edit.changed],
    updatedAt: at.toISOString(),
  };
}

export function supportRescheduledPayload(
  support: Readonly<SupportState>,
  rescheduled: NonNullable<DraftEdit['rescheduled']>,
  at: Date,
): PayloadOf<'support.rescheduled'> {
  return {
    supportId: support.id,
    leadAgencyId: support.leadAgencyId,
    title: support.title,
    areaCode: support.areaCode,
    previousDate: rescheduled.previousDate,
    plannedReleaseDate: support.plannedReleaseDate,
    reason: rescheduled.reason,
    rescheduledAt: at.toISOString(),
  };
}

export function supportRevisionStartedPayload(support: Readonly<SupportState>): PayloadOf<'support.revision-started'> {
  const { revision, inForceEdition } = support;
  if (!revision || !inForceEdition) throw new Error(`support ${support.id} has no revision in progress`);
  return {
    supportId: support.id,
    leadAgencyId: support.leadAgencyId,
    title: support.title,
    areaCode: support.areaCode,
    change: revision.change,
    changeNote: revision.changeNote,
    inForce: inForceEdition,
    edition: support.edition,
    startedAt: revision.startedAt.toISOString(),
  };
}

export function supportRevisedPayload(
  support: Readonly<SupportState>,
  answersNeeds: readonly AnsweredNeed[],
  publication: Extract<Publication, { kind: 'revision' }>,
  at: Date,
): PayloadOf<'support.revised'> {
  const { coProducerIds: _, ...rest } = content(support);
  return {
    ...rest,
    answersNeeds: answered(answersNeeds),
    change: publication.change,
    changeNote: publication.changeNote,
    previousEdition: publication.previousEdition,
    edition: publication.edition,
    revisedAt: at.toISOString(),
  };
}

export function supportWithdrawnPayload(
  support: Readonly<SupportState>,
  answersNeeds: readonly AnsweredNeed[],
): PayloadOf<'support.withdrawn'> {
  const { withdrawal } = support;
  if (!withdrawal) throw new Error(`support ${support.id} is not withdrawn`);
  return {
    supportId: support.id,
    leadAgencyId: support.leadAgencyId,
    title: support.title,
    areaCode: support.areaCode,
    sector: support.sector,
    answersNeeds: answered(answersNeeds),
    reason: withdrawal.reason,
    replacedBySupportId: withdrawal.replacedBySupportId,
    edition: support.inForceEdition,
    withdrawnAt: withdrawal.withdrawnAt.toISOString(),
  };
}
