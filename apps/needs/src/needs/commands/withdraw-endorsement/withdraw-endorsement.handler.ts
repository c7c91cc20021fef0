import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@styrkedjan/messaging';
import { NeedsRepository } from '../../persistence/needs.repository';
import { NeedView } from '../../views/need.view';
import { loadNeed, viewAfter } from '../load-need';
import { recordNeedEvent } from '../need-events';
import { WithdrawEndorsementCommand } from './withdraw-endorsement.command';

/** The acting organisation takes back its endorsement of a need. */
@CommandHandler(WithdrawEndorsementCommand)
export class WithdrawEndorsementHandler implements ICommandHandler<WithdrawEndorsementCommand, NeedView> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly needs: NeedsRepository,
  ) {}

  execute(command: WithdrawEndorsementCommand): Promise<NeedView> {
    return this.unitOfWork.run(command.context, 'withdraw-endorsement', async (tx) => {
      const need = await loadNeed(this.needs, tx.manager, command.needId);
      const organisationId = command.context.principal.organisationId.toLowerCase();
      const at = new Date();
      need.withdrawEndorsement(organisationId, at);
      await this.needs.save(tx.manager, need);
      await recordNeedEvent(
        tx,
        need,
        'need.endorsement-withdrawn',
        { needId: need.state.id, organisationId, stage: need.state.stage, withdrawnAt: at.toISOString() },
        at,
      );
      return viewAfter(this.needs, tx.manager, need);
    });
  }
}
