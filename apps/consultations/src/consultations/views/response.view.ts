import type { CommentOutcome } from '@styrkedjan/contracts';
import type { Answer } from '../domain/consultation';
import type { StoredResponse } from '../persistence/rows';

export interface CommentView {
  id: string;
  sectionId: string | null;
  text: string;
  outcome: CommentOutcome | null;
  answer: string | null;
}

/** A consultee's response; `version` is also its ETag, sent back as If-Match to save again or submit. */
export interface ResponseView {
  id: string;
  consultationId: string;
  organisationId: string;
  status: 'draft' | 'submitted';
  answers: Answer[];
  comments: CommentView[];
  noComments: boolean;
  version: number;
  savedAt: string;
  submittedAt: string | null;
}

export function toResponseView(response: StoredResponse): ResponseView {
  return {
    id: response.id,
    consultationId: response.consultationId,
    organisationId: response.organisationId,
    status: response.status,
    answers: response.answers,
    comments: response.comments.map((comment) => ({
      id: comment.id,
      sectionId: comment.sectionId,
      text: comment.text,
      outcome: comment.outcome,
      answer: comment.answer,
    })),
    noComments: response.noComments,
    version: response.version,
    savedAt: response.savedAt.toISOString(),
    submittedAt: response.submittedAt?.toISOString() ?? null,
  };
}
