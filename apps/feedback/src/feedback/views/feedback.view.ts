import type { ApplicationStatus } from '@styrkedjan/contracts';
import type { FeedbackState, FeedbackSummary } from '../domain/feedback';

/** Feedback as the API shows it: plain JSON, so a replayed idempotent answer is the same bytes. */
export interface FeedbackView {
  id: string;
  supportId: string;
  organisationId: string;
  usefulness: number;
  applicationStatus: ApplicationStatus;
  comment: string;
  receivedAt: string;
}

export interface FeedbackPageView {
  items: FeedbackView[];
  nextCursor: string | null;
  summary: FeedbackSummary;
}

export function toFeedbackView(feedback: Readonly<FeedbackState>): FeedbackView {
  return {
    id: feedback.id,
    supportId: feedback.supportId,
    organisationId: feedback.organisationId,
    usefulness: feedback.usefulness,
    applicationStatus: feedback.applicationStatus,
    comment: feedback.comment,
    receivedAt: feedback.receivedAt.toISOString(),
  };
}
