import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@styrkedjan/messaging';
import { NeedsRepository } from '../../persistence/needs.repository';
import { NeedView } from '../../views/need.view';
import { loadNeed, viewAfter } from '../load-need';
import { recordNeedEvent } from '../need-events';
import { ClarifyNeedCommand } from './clarify-need.command';

/** The submitter answers the steering group's question; the need returns to review. */
@CommandHandler(ClarifyNeedCommand)
export class ClarifyNeedHandler implements ICommandHandler<ClarifyNeedCommand, NeedView> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly needs: NeedsRepository,
  ) {}

  execute(command: ClarifyNeedCommand): Promise<NeedView> {
    return this.unitOfWork.run(command.context, 'clarify-need', async (tx) => {
      const need = await loadNeed(this.needs, tx.manager, command.needId);
      const question = need.state.openQuestion;
      const at = new Date();
      const answer = command.answer.trim();
      need.clarify(command.context.principal.organisationId, answer, at);
      await this.needs.save(tx.manager, need);
      await recordNeedEvent(
        tx,
        need,
        'need.clarified',
        {
          needId: need.state.id,
          organisationId: need.state.organisationId,
          answer,
          stage: need.state.stage,
          stakeholders: need.stakeholders,
          clarifiedAt: at.toISOString(),
        },
        at,
        { details: { question, answer } },
      );
      return viewAfter(this.needs, tx.manager, need);
    });
  }
}
