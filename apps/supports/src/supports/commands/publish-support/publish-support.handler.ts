import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@styrkedjan/messaging';
import { NotFound } from '@styrkedjan/platform';
import { Support } from '../../domain/support';
import { KnownNeedsRepository } from '../../persistence/known-needs.repository';
import { SupportsRepository } from '../../persistence/supports.repository';
import { SupportView, toSupportView } from '../../views/support.view';
import { supportPublishedPayload } from '../support-events';
import { PublishSupportCommand } from './publish-support.command';

/** Publishes a draft on behalf of its lead agency and alerts everyone whose needs it answers. */
@CommandHandler(PublishSupportCommand)
export class PublishSupportHandler implements ICommandHandler<PublishSupportCommand, SupportView> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly knownNeeds: KnownNeedsRepository,
    private readonly supports: SupportsRepository,
  ) {}

  execute(command: PublishSupportCommand): Promise<SupportView> {
    return this.unitOfWork.run(command.context, 'publish-support', async (tx) => {
      // Locked for the rest of the transaction, so of two concurrent publishes one waits and then gets 409.
      const stored = await this.supports.findForUpdate(tx.manager, command.supportId);
      if (!stored) throw new NotFound('Support', command.supportId);
      const support = Support.restore(stored);
      support.publish(command.context.principal.organisationId, new Date());
      const state = support.state;
      await this.supports.savePublication(tx.manager, state);
      const answersNeeds = await this.knownNeeds.answersFor(tx.manager, state.needIds);
      tx.record(
        'support.published',
        { type: 'support', id: state.id, version: state.version },
        supportPublishedPayload(state, answersNeeds),
      );
      return toSupportView(state);
    });
  }
}
