import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@styrkedjan/messaging';
import { InvalidInput } from '@styrkedjan/platform';
import { HistoryRepository } from '../../persistence/history.repository';
import { KnownNeedsRepository } from '../../persistence/known-needs.repository';
import { SupportsRepository } from '../../persistence/supports.repository';
import { SupportView, toSupportView } from '../../views/support.view';
import { loadForUpdate, recordStep } from '../record-step';
import { supportWithdrawnPayload } from '../support-events';
import { WithdrawSupportCommand } from './withdraw-support.command';

/** The lead agency withdraws a support, naming why and perhaps what replaces it; it stays readable, marked withdrawn. */
@CommandHandler(WithdrawSupportCommand)
export class WithdrawSupportHandler implements ICommandHandler<WithdrawSupportCommand, SupportView> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly knownNeeds: KnownNeedsRepository,
    private readonly supports: SupportsRepository,
    private readonly history: HistoryRepository,
  ) {}

  execute(command: WithdrawSupportCommand): Promise<SupportView> {
    return this.unitOfWork.run(command.context, 'withdraw-support', async (tx) => {
      const support = await loadForUpdate(this.supports, tx.manager, command.supportId);
      support.withdraw(
        command.context.principal.organisationId,
        command.reason,
        command.replacedBySupportId,
        new Date(),
      );
      const replacementId = support.state.withdrawal!.replacedBySupportId;
      if (replacementId) {
        const replacement = await this.supports.find(replacementId, tx.manager);
        if (!replacement) throw InvalidInput.field('replacedBySupportId', `unknown support '${replacementId}'`);
        if (replacement.status === 'withdrawn') throw InvalidInput.field('replacedBySupportId', 'is itself withdrawn');
      }
      const state = support.state;
      await this.supports.save(tx.manager, state);
      const answersNeeds = await this.knownNeeds.answersFor(tx.manager, state.needIds);
      await recordStep(
        tx,
        this.history,
        'support.withdrawn',
        { type: 'support', id: state.id, version: state.version },
        supportWithdrawnPayload(state, answersNeeds),
      );
      return toSupportView(state);
    });
  }
}
