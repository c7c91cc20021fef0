import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@styrkedjan/messaging';
import { NotFound } from '@styrkedjan/platform';
import { Clock } from '../../../config/clock';
import { requireClosed, requireLead } from '../../domain/consultation';
import { ResponsesRepository } from '../../persistence/responses.repository';
import { RoundsRepository } from '../../persistence/rounds.repository';
import type { CommentView } from '../../views/response.view';
import { aggregateOf, loadRound, roundRef } from '../round-events';
import { AnswerCommentCommand } from './answer-comment.command';

type Answered = CommentView & { answeredCount: number; commentCount: number };

/** The lead's answer to a comment of a closed round; answering again replaces the answer. */
@CommandHandler(AnswerCommentCommand)
export class AnswerCommentHandler implements ICommandHandler<AnswerCommentCommand, Answered> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly rounds: RoundsRepository,
    private readonly responses: ResponsesRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: AnswerCommentCommand): Promise<Answered> {
    return this.unitOfWork.run(command.context, 'answer-comment', async (tx) => {
      // Answers of one round one at a time, so each event's counts are exact.
      const round = await loadRound(this.rounds, command.consultationId, tx.manager, 'update');
      requireLead(round.leadAgencyId, command.context.principal.organisationId, 'answer its comments');
      requireClosed(round);
      const comment = await this.responses.findComment(round.id, command.commentId, tx.manager);
      if (!comment) throw new NotFound('Comment', command.commentId);
      const now = this.clock.now();
      await this.responses.answer(tx.manager, comment.id, {
        outcome: command.outcome,
        answer: command.answer,
        at: now,
      });
      const progress = await this.responses.progress(round.id, tx.manager);
      tx.record('consultation.comment-answered', aggregateOf(round), {
        ...roundRef(round),
        commentId: comment.id,
        organisationId: comment.organisationId,
        outcome: command.outcome,
        ...progress,
        answeredAt: now.toISOString(),
      });
      return {
        id: comment.id,
        sectionId: comment.sectionId,
        text: comment.text,
        outcome: command.outcome,
        answer: command.answer,
        ...progress,
      };
    });
  }
}
