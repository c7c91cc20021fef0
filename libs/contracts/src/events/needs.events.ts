import { z } from 'zod';
import { DECLINE_REASONS, NEED_STAGES, SECTORS, TRIAGE_DECISIONS } from '../vocabulary';

const isoDateTime = z.iso.datetime({ offset: true });
/** A code of the controlled vocabulary of target groups (`target-group.defined`). */
export const targetGroupCode = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/)
  .max(60);
const stage = z.enum(NEED_STAGES);

/**
 * The organisations that hear of a need's transitions: the submitter and every endorser at the moment of
 * the event. Carried on each transition so that whoever tells them needs no projection of its own that
 * could lag behind the need.
 */
const stakeholders = z
  .array(z.strictObject({ organisationId: z.uuid(), role: z.enum(['submitter', 'endorser']) }))
  .max(2000);

/** v2: target groups are codes of the vocabulary; the free text of v1 survives as an optional note. */
export const needIdentified = {
  type: 'need.identified',
  version: 2,
  payload: z.strictObject({
    needId: z.uuid(),
    organisationId: z.uuid(),
    title: z.string().min(1).max(200),
    description: z.string().max(5000),
    areaCode: z.string().max(60),
    sector: z.enum(SECTORS),
    // Empty only for needs registered before the vocabulary whose free text matched no code (see note).
    targetGroups: z.array(targetGroupCode).max(25),
    note: z.string().max(1000).nullable(),
    identifiedAt: isoDateTime,
  }),
} as const;

const needIdentifiedV1Payload = z.strictObject({
  needId: z.uuid(),
  organisationId: z.uuid(),
  title: z.string().min(1).max(200),
  description: z.string().max(5000),
  areaCode: z.string().max(60),
  sector: z.enum(SECTORS),
  targetGroup: z.string().max(200),
  identifiedAt: isoDateTime,
});

/** v1, before the vocabulary: one target group in free text. Still read (upcast to v2), never written. */
export const needIdentifiedV1 = {
  type: 'need.identified',
  version: 1,
  payload: needIdentifiedV1Payload,
  /** Free text cannot be mapped to codes without the vocabulary, so it becomes the note. */
  upcast: ({
    targetGroup,
    ...rest
  }: z.infer<typeof needIdentifiedV1Payload>): z.infer<typeof needIdentified.payload> => ({
    ...rest,
    targetGroups: [],
    note: targetGroup.trim() === '' ? null : targetGroup,
  }),
} as const;

/** Another organisation said "we have this need too". */
export const needEndorsed = {
  type: 'need.endorsed',
  version: 1,
  payload: z.strictObject({
    needId: z.uuid(),
    organisationId: z.uuid(),
    comment: z.string().max(2000).nullable(),
    localContext: z.string().max(2000).nullable(),
    /** A declined need with a new endorsement goes back on the steering group's review list. */
    reopensReview: z.boolean(),
    stage,
    endorsedAt: isoDateTime,
  }),
} as const;

/** An endorser took its endorsement back. */
export const needEndorsementWithdrawn = {
  type: 'need.endorsement-withdrawn',
  version: 1,
  payload: z.strictObject({ needId: z.uuid(), organisationId: z.uuid(), stage, withdrawnAt: isoDateTime }),
} as const;

/** A steering group decided on a need: accepted (with a lead agency), declined (with a reason) or deferred. */
export const needTriaged = {
  type: 'need.triaged',
  version: 1,
  payload: z.strictObject({
    needId: z.uuid(),
    decision: z.enum(TRIAGE_DECISIONS),
    rationale: z.string().min(1).max(2000),
    leadAgencyId: z.uuid().nullable(),
    declineReason: z.enum(DECLINE_REASONS).nullable(),
    existingSupportId: z.uuid().nullable(),
    duplicateOfNeedId: z.uuid().nullable(),
    reviewOn: z.iso.date().nullable(),
    stage,
    stakeholders,
    triagedAt: isoDateTime,
  }),
} as const;

/** A steering group asked the submitter a question before deciding; the need waits under review. */
export const needClarificationRequested = {
  type: 'need.clarification-requested',
  version: 1,
  payload: z.strictObject({
    needId: z.uuid(),
    question: z.string().min(1).max(2000),
    rationale: z.string().min(1).max(2000),
    stage,
    stakeholders,
    requestedAt: isoDateTime,
  }),
} as const;

/** The submitter answered the steering group's question; the need is back for review. */
export const needClarified = {
  type: 'need.clarified',
  version: 1,
  payload: z.strictObject({
    needId: z.uuid(),
    organisationId: z.uuid(),
    answer: z.string().min(1).max(5000),
    stage,
    stakeholders,
    clarifiedAt: isoDateTime,
  }),
} as const;

/** A duplicate was merged into another need, which takes over its submitter and endorsers. */
export const needMerged = {
  type: 'need.merged',
  version: 1,
  payload: z.strictObject({
    needId: z.uuid(),
    intoNeedId: z.uuid(),
    rationale: z.string().min(1).max(2000),
    movedOrganisationIds: z.array(z.uuid()).max(2000),
    stage,
    stakeholders,
    mergedAt: isoDateTime,
  }),
} as const;

/** What a step of a support naming the need says of it: the same for its draft and its publication. */
const supportNamingNeed = {
  needId: z.uuid(),
  supportId: z.uuid(),
  supportTitle: z.string().max(200),
  leadAgencyId: z.uuid(),
  stage,
  stakeholders,
};

/** A draft support names the need: it is being addressed. */
export const needAddressed = {
  type: 'need.addressed',
  version: 1,
  payload: z.strictObject({ ...supportNamingNeed, addressedAt: isoDateTime }),
} as const;

/** A support naming the need was published: the need is answered. */
export const needAnswered = {
  type: 'need.answered',
  version: 1,
  payload: z.strictObject({ ...supportNamingNeed, answeredAt: isoDateTime }),
} as const;

/**
 * The support that answered the need was withdrawn and nothing replaces it for this need: it is accepted again and
 * waits for a new support.
 */
export const needReopened = {
  type: 'need.reopened',
  version: 1,
  payload: z.strictObject({
    ...supportNamingNeed,
    reason: z.string().min(1).max(2000),
    reopenedAt: isoDateTime,
  }),
} as const;
