import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@styrkedjan/messaging';
import { EditionsRepository } from '../../persistence/editions.repository';
import { HistoryRepository } from '../../persistence/history.repository';
import { KnownNeedsRepository } from '../../persistence/known-needs.repository';
import { RoundsRepository } from '../../persistence/rounds.repository';
import { SupportsRepository } from '../../persistence/supports.repository';
import { SupportView, toSupportView } from '../../views/support.view';
import { loadForUpdate, recordStep } from '../record-step';
import { supportPublishedPayload, supportRevisedPayload } from '../support-events';
import { PublishSupportCommand } from './publish-support.command';

/**
 * Publishes the draft edition on behalf of the lead agency, once its consultation rounds are closed and every comment
 * answered: the first publication announces support.published (1.0), a revision's support.revised.
 */
@CommandHandler(PublishSupportCommand)
export class PublishSupportHandler implements ICommandHandler<PublishSupportCommand, SupportView> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly knownNeeds: KnownNeedsRepository,
    private readonly supports: SupportsRepository,
    private readonly editions: EditionsRepository,
    private readonly rounds: RoundsRepository,
    private readonly history: HistoryRepository,
  ) {}

  execute(command: PublishSupportCommand): Promise<SupportView> {
    return this.unitOfWork.run(command.context, 'publish-support', async (tx) => {
      // Locked for the rest of the transaction, so of two concurrent publishes one waits and then gets 409.
      const support = await loadForUpdate(this.supports, tx.manager, command.supportId);
      const at = new Date();
      const rounds = await this.rounds.ofSupport(tx.manager, command.supportId);
      const publication = support.publish(command.context.principal.organisationId, at, rounds);
      const state = support.state;
      await this.supports.save(tx.manager, state);
      await this.editions.keepPublished(tx.manager, state, publication.kind === 'revision' ? publication : null, at);
      const answersNeeds = await this.knownNeeds.answersFor(tx.manager, state.needIds);
      const aggregate = { type: 'support', id: state.id, version: state.version };
      if (publication.kind === 'first') {
        await recordStep(
          tx,
          this.history,
          'support.published',
          aggregate,
          supportPublishedPayload(state, answersNeeds),
        );
      } else {
        await recordStep(
          tx,
          this.history,
          'support.revised',
          aggregate,
          supportRevisedPayload(state, answersNeeds, publication, at),
        );
      }
      return toSupportView(state);
    });
  }
}
