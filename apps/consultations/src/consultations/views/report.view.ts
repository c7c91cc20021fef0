import type { CommentOutcome } from '@styrkedjan/contracts';

export interface ReportCommentView {
  id: string;
  organisationId: string;
  organisationName: string | null;
  text: string;
  outcome: CommentOutcome | null;
  answer: string | null;
  answeredAt: string | null;
}

export interface ReportSectionView {
  /** null: comments on the whole draft rather than a section. */
  sectionId: string | null;
  heading: string;
  comments: ReportCommentView[];
}

export interface ProgressView {
  answered: number;
  total: number;
  /** "87 of 120 answered" */
  text: string;
}

/** The consultation report (remissammanställning): every comment with its answer, by section. */
export interface ReportView {
  consultationId: string;
  supportId: string;
  supportTitle: string;
  edition: string;
  status: 'open' | 'closed';
  progress: ProgressView;
  sections: ReportSectionView[];
}

export function progressOf(answered: number, total: number): ProgressView {
  return { answered, total, text: `${answered} of ${total} answered` };
}
