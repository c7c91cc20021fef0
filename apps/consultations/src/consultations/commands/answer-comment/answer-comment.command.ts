import { Command } from '@nestjs/cqrs';
import type { CommentOutcome } from '@styrkedjan/contracts';
import { ActingContext } from '@styrkedjan/platform';
import type { CommentView } from '../../views/response.view';

export class AnswerCommentCommand extends Command<CommentView & { answeredCount: number; commentCount: number }> {
  constructor(
    readonly context: ActingContext,
    readonly consultationId: string,
    readonly commentId: string,
    readonly outcome: CommentOutcome,
    readonly answer: string,
  ) {
    super();
  }
}
