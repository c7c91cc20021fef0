import { APPLICATION_STATUSES, ApplicationStatus } from '@styrkedjan/contracts';
import { Conflict, InvalidInput } from '@styrkedjan/platform/errors';
import type { KnownSupport } from './known-support';

export const MIN_USEFULNESS = 1;
export const MAX_USEFULNESS = 5;
export const MAX_COMMENT_LENGTH = 5000;

/** Feedback on a support that is still a draft (409 `illegal_transition`): there is nothing in practice to report on yet. */
export class SupportNotPublished extends Conflict {
  override name = 'SupportNotPublished';
  constructor(readonly supportId: string) {
    super('illegal_transition', `Support ${supportId} is still a draft; feedback is taken once it is published.`);
  }
}

/** Feedback on a withdrawn support (409 `support_withdrawn`): it is no longer to be applied. */
export class SupportWithdrawn extends Conflict {
  override name = 'SupportWithdrawn';
  constructor(readonly supportId: string) {
    super('support_withdrawn', `Support ${supportId} was withdrawn; it takes no more feedback.`);
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
  giver: { organisationId: string };
  usefulness: number;
  applicationStatus: ApplicationStatus;
  comment: string;
  receivedAt: Date;
}

/**
 * New feedback on a known support, once it is published. Which organisations give feedback is the access
 * policy's rule (`feedback.give`), decided at the gateway; the HTTP edge checks the values first, and the
 * checks here keep the rule whole for any other caller.
 */
export function giveFeedback(support: KnownSupport, input: FeedbackInput): FeedbackState {
  if (support.status === 'withdrawn') throw new SupportWithdrawn(support.supportId);
  if (support.status !== 'published') throw new SupportNotPublished(support.supportId);
  if (!Number.isInteger(input.usefulness) || input.usefulness < MIN_USEFULNESS || input.usefulness > MAX_USEFULNESS) {
    throw InvalidInput.field('usefulness', `must be a whole number from ${MIN_USEFULNESS} to ${MAX_USEFULNESS}`);
  }
  if (!(APPLICATION_STATUSES as readonly string[]).includes(input.applicationStatus)) {
    throw InvalidInput.field('applicationStatus', `must be one of ${APPLICATION_STATUSES.join(', ')}`);
  }
  if (input.comment.length > MAX_COMMENT_LENGTH) {
    throw InvalidInput.field('comment', `must be at most ${MAX_COMMENT_LENGTH} characters`);
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
