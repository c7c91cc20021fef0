import { Conflict } from '@styrkedjan/platform/errors';

/** What the supports service knows of one consultation round of a support, from the consultations' events. */
export interface RoundState {
  consultationId: string;
  edition: string;
  open: boolean;
  /** Comments received, as consultation.closed counted them. */
  commentCount: number;
  /** Comments answered, as the latest consultation.comment-answered counted them. */
  answeredCount: number;
}

/** An open round of the edition being published (409 `consultation_open`). */
export class ConsultationOpen extends Conflict {
  override name = 'ConsultationOpen';
  constructor(readonly consultationId: string) {
    super('consultation_open', `Consultation ${consultationId} is still open: publishing waits until it has closed.`);
  }
}

/** Comments of a closed round of this edition await the lead's answer (409 `comments_unanswered`, with the count). */
export class CommentsUnanswered extends Conflict {
  override name = 'CommentsUnanswered';
  override readonly current: { unanswered: number; commentCount: number };
  constructor(unanswered: number, commentCount: number) {
    super(
      'comments_unanswered',
      `${unanswered} of ${commentCount} comments are unanswered: every comment of the consultation needs an answer before publishing.`,
    );
    this.current = { unanswered, commentCount };
  }
}

/**
 * Publishing waits for the answers: no round of the edition may be open, and every comment of its closed rounds
 * must be answered. Rounds of earlier editions have had their say and do not hold back a revision.
 */
export function checkPublicationGate(edition: string, rounds: readonly RoundState[]): void {
  const ofEdition = rounds.filter((round) => round.edition === edition);
  const open = ofEdition.find((round) => round.open);
  if (open) throw new ConsultationOpen(open.consultationId);
  const commentCount = ofEdition.reduce((sum, round) => sum + round.commentCount, 0);
  const unanswered = ofEdition.reduce((sum, round) => sum + Math.max(0, round.commentCount - round.answeredCount), 0);
  if (unanswered > 0) throw new CommentsUnanswered(unanswered, commentCount);
}
