import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { UnitOfWork } from '@styrkedjan/messaging';
import { NotFound } from '@styrkedjan/platform';
import { giveFeedback } from '../../domain/feedback';
import { FeedbackRepository } from '../../persistence/feedback.repository';
import { FeedbackView, toFeedbackView } from '../../views/feedback.view';
import { KnownSupportsRepository } from '../../persistence/known-supports.repository';
import { GiveFeedbackCommand } from './give-feedback.command';

/** Records an organisation's feedback on a published support and tells its lead agency. */
@CommandHandler(GiveFeedbackCommand)
export class GiveFeedbackHandler implements ICommandHandler<GiveFeedbackCommand, FeedbackView> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly knownSupports: KnownSupportsRepository,
    private readonly feedback: FeedbackRepository,
  ) {}

  async execute(command: GiveFeedbackCommand): Promise<FeedbackView> {
    const { principal } = command.context;
    return this.unitOfWork.run(command.context, 'give-feedback', async (tx) => {
      const support = await this.knownSupports.find(command.supportId, tx.manager);
      if (!support) throw new NotFound('Support', command.supportId);
      const feedback = giveFeedback(support, {
        id: randomUUID(),
        giver: principal,
        usefulness: command.usefulness,
        applicationStatus: command.applicationStatus,
        comment: command.comment,
        receivedAt: new Date(),
      });
      await this.feedback.insert(tx.manager, feedback);
      // The lead agency and title travel with the event, so the notifications service needs no support projection.
      tx.record(
        'feedback.received',
        { type: 'feedback', id: feedback.id, version: 1 },
        {
          feedbackId: feedback.id,
          supportId: feedback.supportId,
          leadAgencyId: support.leadAgencyId,
          supportTitle: support.title,
          organisationId: feedback.organisationId,
          usefulness: feedback.usefulness,
          applicationStatus: feedback.applicationStatus,
          comment: feedback.comment,
          receivedAt: feedback.receivedAt.toISOString(),
        },
      );
      return toFeedbackView(feedback);
    });
  }
}
