import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@styrkedjan/messaging';
import { Clock } from '../../../config/clock';
import { checkSubmittable } from '../../domain/consultation';
import { ResponsesRepository } from '../../persistence/responses.repository';
import { RoundsRepository } from '../../persistence/rounds.repository';
import { ResponseView, toResponseView } from '../../views/response.view';
import { responseToChange } from '../respond';
import { aggregateOf, roundRef } from '../round-events';
import { SubmitResponseCommand } from './submit-response.command';

/** Submits the response of the caller's organisation (remissvar): from now on its comments are the report's. */
@CommandHandler(SubmitResponseCommand)
export class SubmitResponseHandler implements ICommandHandler<SubmitResponseCommand, ResponseView> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly rounds: RoundsRepository,
    private readonly responses: ResponsesRepository,
    private readonly clock: Clock,
  ) {}

  async execute(command: SubmitResponseCommand): Promise<ResponseView> {
    const organisationId = command.context.principal.organisationId.toLowerCase();
    return this.unitOfWork.run(command.context, 'submit-response', async (tx) => {
      const now = this.clock.now();
      const { round, response } = await responseToChange(
        { rounds: this.rounds, responses: this.responses },
        { consultationId: command.consultationId, organisationId, expectedVersion: command.expectedVersion, now },
        tx.manager,
      );
      // A version was named, so the draft exists (a missing one is stale against version null).
      checkSubmittable(response!);
      const submitted = await this.responses.submit(tx.manager, response!, now);
      tx.record('consultation.response-submitted', aggregateOf(round), {
        ...roundRef(round),
        responseId: submitted.id,
        organisationId,
        commentCount: submitted.comments.length,
        noComments: submitted.noComments,
        submittedAt: now.toISOString(),
      });
      return toResponseView(submitted);
    });
  }
}
