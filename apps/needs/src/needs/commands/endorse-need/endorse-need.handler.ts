import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@styrkedjan/messaging';
import { NeedsRepository } from '../../persistence/needs.repository';
import { NeedView } from '../../views/need.view';
import { recordNeedEvent } from '../need-events';
import { EndorseNeedCommand } from './endorse-need.command';
import { loadNeed, viewAfter } from '../load-need';

/** The acting organisation says "we have this need too"; a declined need goes back under review. */
@CommandHandler(EndorseNeedCommand)
export class EndorseNeedHandler implements ICommandHandler<EndorseNeedCommand, NeedView> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly needs: NeedsRepository,
  ) {}

  execute(command: EndorseNeedCommand): Promise<NeedView> {
    return this.unitOfWork.run(command.context, 'endorse-need', async (tx) => {
      const need = await loadNeed(this.needs, tx.manager, command.needId);
      const organisationId = command.context.principal.organisationId;
      const at = new Date();
      const { reopensReview } = need.endorse(organisationId, command, at);
      await this.needs.save(tx.manager, need);
      const endorsement = need.supportersNow.find((s) => s.organisationId === organisationId.toLowerCase())!;
      await recordNeedEvent(
        tx,
        need,
        'need.endorsed',
        {
          needId: need.state.id,
          organisationId: endorsement.organisationId,
          comment: endorsement.comment,
          localContext: endorsement.localContext,
          reopensReview,
          stage: need.state.stage,
          endorsedAt: at.toISOString(),
        },
        at,
        { details: { comment: endorsement.comment, localContext: endorsement.localContext, reopensReview } },
      );
      return viewAfter(this.needs, tx.manager, need);
    });
  }
}
