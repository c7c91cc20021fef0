import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@styrkedjan/messaging';
import { InvalidInput, NotFound } from '@styrkedjan/platform';
import { NeedsRepository } from '../../persistence/needs.repository';
import { appendTransition } from '../../persistence/need-transition.entity';
import { NeedView } from '../../views/need.view';
import { viewAfter } from '../load-need';
import { recordNeedEvent } from '../need-events';
import { MergeNeedCommand } from './merge-need.command';

/**
 * Merges a duplicate into the need that survives: the duplicate's submitter and endorsers move there, the
 * duplicate is `merged` and answers with where it went. Answers the merged need.
 */
@CommandHandler(MergeNeedCommand)
export class MergeNeedHandler implements ICommandHandler<MergeNeedCommand, NeedView> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly needs: NeedsRepository,
  ) {}

  execute(command: MergeNeedCommand): Promise<NeedView> {
    return this.unitOfWork.run(command.context, 'merge-need', async (tx) => {
      const rationale = command.rationale.trim();
      if (rationale === '') throw InvalidInput.field('rationale', 'is required: say why');
      const [need, survivor] = await this.needs.loadPairForUpdate(tx.manager, command.needId, command.intoNeedId);
      if (!need) throw new NotFound('Need', command.needId);
      if (!survivor) throw new InvalidInput([{ field: 'intoNeedId', message: 'is not a known need' }], 422);
      const at = new Date();
      const moved = need.mergeInto(survivor, at);
      await this.needs.save(tx.manager, survivor);
      await this.needs.save(tx.manager, need);
      const stakeholders = survivor.stakeholders;
      await recordNeedEvent(
        tx,
        need,
        'need.merged',
        {
          needId: need.state.id,
          intoNeedId: survivor.state.id,
          rationale,
          movedOrganisationIds: moved,
          stage: need.state.stage,
          stakeholders,
          mergedAt: at.toISOString(),
        },
        at,
        { rationale, details: { intoNeedId: survivor.state.id, movedOrganisationIds: moved } },
      );
      // The survivor's own timeline shows what it took over, under the version the merge gave it.
      const event = tx.events[tx.events.length - 1];
      await appendTransition(tx.manager, {
        needId: survivor.state.id,
        version: survivor.state.version,
        type: 'need.merged',
        stage: survivor.state.stage,
        actorOrganisationId: event.actor.organisationId,
        actorUserId: event.actor.userId,
        at,
        rationale,
        details: { mergedNeedId: need.state.id, movedOrganisationIds: moved },
      });
      return viewAfter(this.needs, tx.manager, need);
    });
  }
}
