import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { UnitOfWork } from '@styrkedjan/messaging';
import { HistoryRepository } from '../../persistence/history.repository';
import { RegionalAdditionsRepository } from '../../persistence/regional-additions.repository';
import { SupportsRepository } from '../../persistence/supports.repository';
import { RegionalAdditionView } from '../../views/support.view';
import { loadForUpdate, recordStep } from '../record-step';
import { AddRegionalAdditionCommand } from './add-regional-addition.command';

/**
 * A region publishes its own addition (regionalt tillägg) to a support in force. The addition is an aggregate of its
 * own: the support is only locked so that a withdrawal at the same moment comes either before it or after.
 */
@CommandHandler(AddRegionalAdditionCommand)
export class AddRegionalAdditionHandler implements ICommandHandler<AddRegionalAdditionCommand, RegionalAdditionView> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly supports: SupportsRepository,
    private readonly additions: RegionalAdditionsRepository,
    private readonly history: HistoryRepository,
  ) {}

  execute(command: AddRegionalAdditionCommand): Promise<RegionalAdditionView> {
    return this.unitOfWork.run(command.context, 'add-regional-addition', async (tx) => {
      const support = await loadForUpdate(this.supports, tx.manager, command.supportId);
      support.requireInForce('regional addition');
      const addition: RegionalAdditionView = {
        id: randomUUID(),
        supportId: support.state.id,
        // That the caller is a region is the policy's rule (support.add-regional-addition), decided at the gateway.
        regionId: command.context.principal.organisationId.toLowerCase(),
        title: command.title,
        summary: command.summary,
        url: command.url,
        publishedAt: new Date().toISOString(),
      };
      await this.additions.insert(tx.manager, addition);
      await recordStep(
        tx,
        this.history,
        'support.regional-addition-published',
        { type: 'regional-addition', id: addition.id, version: 1 },
        {
          additionId: addition.id,
          supportId: addition.supportId,
          supportTitle: support.state.title,
          leadAgencyId: support.state.leadAgencyId,
          regionId: addition.regionId,
          title: addition.title,
          summary: addition.summary,
          url: addition.url,
          publishedAt: addition.publishedAt,
        },
      );
      return addition;
    });
  }
}
