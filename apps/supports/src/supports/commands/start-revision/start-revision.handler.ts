import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@styrkedjan/messaging';
import { HistoryRepository } from '../../persistence/history.repository';
import { SupportsRepository } from '../../persistence/supports.repository';
import { SupportView, toSupportView } from '../../views/support.view';
import { loadForUpdate, recordStep } from '../record-step';
import { supportRevisionStartedPayload } from '../support-events';
import { StartRevisionCommand } from './start-revision.command';

/** The lead agency begins a new draft edition of a published support; the edition in force stays in force. */
@CommandHandler(StartRevisionCommand)
export class StartRevisionHandler implements ICommandHandler<StartRevisionCommand, SupportView> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly supports: SupportsRepository,
    private readonly history: HistoryRepository,
  ) {}

  execute(command: StartRevisionCommand): Promise<SupportView> {
    return this.unitOfWork.run(command.context, 'start-revision', async (tx) => {
      const support = await loadForUpdate(this.supports, tx.manager, command.supportId);
      support.startRevision(command.context.principal.organisationId, command.change, command.changeNote, new Date());
      const state = support.state;
      await this.supports.save(tx.manager, state);
      await recordStep(
        tx,
        this.history,
        'support.revision-started',
        { type: 'support', id: state.id, version: state.version },
        supportRevisionStartedPayload(state),
      );
      return toSupportView(state);
    });
  }
}
