import { APPLICATION_STATUSES, ApplicationStatus, OrganisationKind } from '@styrkedjan/contracts';
import type { KnownSupport } from './known-support';

/** The organisations that put supports into practice, or speak for those who meet them, and can say how they work. */
export const FEEDBACK_GIVER_KINDS: readonly OrganisationKind[] = [
  'municipality',
  'region',
  'profession',
  'patient_organisation',
];

export const MIN_USEFULNESS = 1;
export const MAX_USEFULNESS = 5;
export const MAX_COMMENT_LENGTH = 5000;

export function mayGiveFeedback(kind: OrganisationKind): boolean {
  return FEEDBACK_GIVER_KINDS.includes(kind);
}

/** A broken rule. Plain errors, so the domain knows nothing of HTTP; the handler maps each to a problem. */
export abstract class FeedbackRuleError extends Error {}

/** The acting organisation is not of a kind that gives feedback (403). */
export class NotPermitted extends FeedbackRuleError {
  override name = 'NotPermitted';
}

/** Feedback on a support that is still a draft (409 `illegal_transition`): there is nothing in practice to report on yet. */
export class SupportNotPublished extends FeedbackRuleError {
  override name = 'SupportNotPublished';
  constructor(readonly supportId: string) {
    super(`Support ${supportId} is still a draft; feedback is taken once it is published.`);
  }
}

/** A value outside the scale or vocabulary (400 naming the field); the HTTP edge checks it first, this keeps the rule whole. */
export class InvalidFeedback extends FeedbackRuleError {
  override name = 'InvalidFeedback';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

/** Checked before anything is looked up, so a refused organisation learns nothing about the support. */
export function assertMayGiveFeedback(kind: OrganisationKind): void {
  if (!mayGiveFeedback(kind)) {
    throw new NotPermitted(`Only ${FEEDBACK_GIVER_KINDS.join(', ')} organisations give feedback.`);
  }
}

export interface FeedbackState {
  id: string;
  supportId: string;
  organisationId: string;
  usefulness: number;
  applicationStatus: ApplicationStatus;
  comment: string;
  receivedAt: Date;
}

export interface FeedbackInput {
  id: string;
  giver: { organisationId: string; organisationKind: OrganisationKind };
  usefulness: number;
  applicationStatus: ApplicationStatus;
  comment: string;
  receivedAt: Date;
}

/** New feedback on a known support: only from the kinds that apply supports, and only once the support is published. */
export function giveFeedback(support: KnownSupport, input: FeedbackInput): FeedbackState {
  assertMayGiveFeedback(input.giver.organisationKind);
  if (support.status !== 'published') throw new SupportNotPublished(support.supportId);
  if (!Number.isInteger(input.usefulness) || input.usefulness < MIN_USEFULNESS || input.usefulness > MAX_USEFULNESS) {
    throw new InvalidFeedback('usefulness', `must be a whole number from ${MIN_USEFULNESS} to ${MAX_USEFULNESS}`);
  }
  if (!(APPLICATION_STATUSES as readonly string[]).includes(input.applicationStatus)) {
    throw new InvalidFeedback('applicationStatus', `must be one of ${APPLICATION_STATUSES.join(', ')}`);
  }
  if (input.comment.length > MAX_COMMENT_LENGTH) {
    throw new InvalidFeedback('comment', `must be at most ${MAX_COMMENT_LENGTH} characters`);
  }
  return {
    id: input.id,
    supportId: support.supportId,
    organisationId: input.giver.organisationId.toLowerCase(),
    usefulness: input.usefulness,
    applicationStatus: input.applicationStatus,
    comment: input.comment,
    receivedAt: input.receivedAt,
  };
}

export interface FeedbackSummary {
  count: number;
  /** Mean usefulness to two decimals; null while there is no feedback. */
  averageUsefulness: number | null;
  /** Every status is present, zero included, so a reader need not know the vocabulary to draw it. */
  byApplicationStatus: Record<ApplicationStatus, number>;
}

/** One group of a support's feedback, as counted by the database. */
export interface FeedbackGroup {
  applicationStatus: ApplicationStatus;
  count: number;
  usefulnessSum: number;
}

export function summariseFeedback(groups: readonly FeedbackGroup[]): FeedbackSummary {
  const byApplicationStatus = Object.fromEntries(APPLICATION_STATUSES.map((status) => [status, 0])) as Record<
    ApplicationStatus,
    number
  >;
  let count = 0;
  let usefulnessSum = 0;
  for (const group of groups) {
    byApplicationStatus[group.applicationStatus] += group.count;
    count += group.count;
    usefulnessSum += group.usefulnessSum;
  }
  return {
    count,
    averageUsefulness: count ? Math.round((usefulnessSum / count) * 100) / 100 : null,
    byApplicationStatus,
  };
}
