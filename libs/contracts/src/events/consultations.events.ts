import { z } from 'zod';
import { COMMENT_OUTCOMES, ORGANISATION_KINDS } from '../vocabulary';
import { editionLabel } from './lifecycle.events';

const isoDateTime = z.iso.datetime({ offset: true });

/** What every event of a round says of it, so that a consumer needs no projection of the round to act. */
const roundRef = {
  consultationId: z.uuid(),
  supportId: z.uuid(),
  supportTitle: z.string().min(1).max(200),
  leadAgencyId: z.uuid(),
  /** The edition of the support the round is about: 1.0 for a first draft, 2.0 for a major revision … */
  edition: editionLabel,
};
/** A round's consultees, resolved to a fixed list of organisations when it opened. */
const organisationIds = z.array(z.uuid()).max(2000);

/** The lead agency sent a draft out on consultation (remiss): consultees, questions, sections and a deadline. */
export const consultationOpened = {
  type: 'consultation.opened',
  version: 1,
  payload: z.strictObject({
    ...roundRef,
    areaCode: z.string().max(60),
    consulteeIds: organisationIds.min(1),
    questions: z.array(z.strictObject({ id: z.string().min(1).max(40), text: z.string().min(1).max(2000) })).max(50),
    sections: z.array(z.strictObject({ id: z.string().min(1).max(40), heading: z.string().min(1).max(200) })).max(100),
    documentUrl: z.url().max(2000).nullable(),
    /** The instant the round closes: the end of its last day, Swedish time. */
    closesAt: isoDateTime,
    openedAt: isoDateTime,
  }),
} as const;

/** The lead agency moved a round's deadline later, with a reason; late responses are accepted until then. */
export const consultationExtended = {
  type: 'consultation.extended',
  version: 1,
  payload: z.strictObject({
    ...roundRef,
    consulteeIds: organisationIds,
    previousClosesAt: isoDateTime,
    closesAt: isoDateTime,
    reason: z.string().min(1).max(2000),
    extendedAt: isoDateTime,
  }),
} as const;

/** A consultee organisation submitted its response (remissvar); it can no longer be edited. */
export const consultationResponseSubmitted = {
  type: 'consultation.response-submitted',
  version: 1,
  payload: z.strictObject({
    ...roundRef,
    responseId: z.uuid(),
    organisationId: z.uuid(),
    commentCount: z.int().min(0).max(1000),
    noComments: z.boolean(),
    submittedAt: isoDateTime,
  }),
} as const;

/** A round's reminder came due: these consultees have not yet submitted. Sent once per round. */
export const consultationClosingSoon = {
  type: 'consultation.closing-soon',
  version: 1,
  payload: z.strictObject({
    ...roundRef,
    pendingConsulteeIds: organisationIds,
    closesAt: isoDateTime,
    remindedAt: isoDateTime,
  }),
} as const;

const responseRate = { invited: z.int().min(0), responded: z.int().min(0) };

/** A round closed, at its deadline or earlier by the lead: who responded, who did not, how many comments await answers. */
export const consultationClosed = {
  type: 'consultation.closed',
  version: 1,
  payload: z.strictObject({
    ...roundRef,
    /** Closed by the lead before its deadline rather than at it. */
    early: z.boolean(),
    respondents: z.array(z.strictObject({ organisationId: z.uuid(), commentCount: z.int().min(0) })).max(2000),
    nonRespondentIds: organisationIds,
    responseRates: z.strictObject({
      byKind: z.array(z.strictObject({ kind: z.enum(ORGANISATION_KINDS), ...responseRate })).max(10),
      /** By county: the region an organisation belongs to (a region is its own); null for national organisations. */
      byCounty: z.array(z.strictObject({ regionId: z.uuid().nullable(), ...responseRate })).max(30),
    }),
    commentCount: z.int().min(0),
    closedAt: isoDateTime,
  }),
} as const;

/** The lead agency answered a comment of a closed round; the counts say how far the report has come. */
export const consultationCommentAnswered = {
  type: 'consultation.comment-answered',
  version: 1,
  payload: z.strictObject({
    ...roundRef,
    commentId: z.uuid(),
    organisationId: z.uuid(),
    outcome: z.enum(COMMENT_OUTCOMES),
    answeredCount: z.int().min(0),
    commentCount: z.int().min(0),
    answeredAt: isoDateTime,
  }),
} as const;
