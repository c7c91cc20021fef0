import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@styrkedjan/messaging';
import { StaleVersion } from '@styrkedjan/platform';
import { References } from '@styrkedjan/reference-data';
import { HistoryRepository } from '../../persistence/history.repository';
import { KnownNeedsRepository } from '../../persistence/known-needs.repository';
import { SupportsRepository } from '../../persistence/supports.repository';
import { SupportView, toSupportView } from '../../views/support.view';
import { loadForUpdate, recordStep } from '../record-step';
import { supportRescheduledPayload, supportUpdatedPayload } from '../support-events';
import { EditSupportCommand } from './edit-support.command';

/**
 * The lead agency or a co-producer edits the draft edition, on the version it last saw: support.updated with the
 * whole draft and what changed, and support.rescheduled when the planned release date moved.
 */
@CommandHandler(EditSupportCommand)
export class EditSupportHandler implements ICommandHandler<EditSupportCommand, SupportView> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly references: References,
    private readonly knownNeeds: KnownNeedsRepository,
    private readonly supports: SupportsRepository,
    private readonly history: HistoryRepository,
  ) {}

  async execute(command: EditSupportCommand): Promise<SupportView> {
    const { productType, targetGroups } = command.changes;
    if (productType) await this.references.requireProductType(productType, 'productType');
    if (targetGroups) await this.references.requireTargetGroups(targetGroups, 'targetGroups');
    return this.unitOfWork.run(command.context, 'edit-support', async (tx) => {
      const support = await loadForUpdate(this.supports, tx.manager, command.supportId);
      if (support.state.version !== command.expectedVersion) {
        throw new StaleVersion(
          `The support is at version ${support.state.version}, not ${command.expectedVersion}: it changed since it was read.`,
          toSupportView(support.state),
        );
      }
      const at = new Date();
      const edit = support.edit(command.context.principal.organisationId, command.changes, command.rescheduleReason);
      const state = support.state;
      if (!edit.changed.length) return toSupportView(state);
      await this.supports.save(tx.manager, state);
      const answersNeeds = await this.knownNeeds.answersFor(tx.manager, state.needIds);
      const updatedVersion = edit.rescheduled ? state.version - 1 : state.version;
      await recordStep(
        tx,
        this.history,
        'support.updated',
        { type: 'support', id: state.id, version: updatedVersion },
        supportUpdatedPayload(state, answersNeeds, edit, at),
      );
      if (edit.rescheduled) {
        await recordStep(
          tx,
          this.history,
          'support.rescheduled',
          { type: 'support', id: state.id, version: state.version },
          supportRescheduledPayload(state, edit.rescheduled, at),
        );
      }
      return toSupportView(state);
    });
  }
}
