import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@styrkedjan/messaging';
import { References } from '@styrkedjan/reference-data';
import { SubscriptionsRepository } from '../../persistence/subscriptions.repository';
import { SubscriptionsView } from '../../views/subscriptions.view';
import { ReplaceSubscriptionsCommand } from './replace-subscriptions.command';

/**
 * Sets the areas an organisation follows, replacing the previous set, and records subscriptions.replaced in
 * the same transaction, so that the consultations service can send a round to an area's followers. The same
 * body again is the same state and records nothing.
 */
@CommandHandler(ReplaceSubscriptionsCommand)
export class ReplaceSubscriptionsHandler implements ICommandHandler<ReplaceSubscriptionsCommand, SubscriptionsView> {
  constructor(
    private readonly unitOfWork: UnitOfWork,
    private readonly references: References,
    private readonly subscriptions: SubscriptionsRepository,
  ) {}

  async execute(command: ReplaceSubscriptionsCommand): Promise<SubscriptionsView> {
    const organisation = await this.references.requireOrganisation(command.organisationId);
    await this.references.requireAreas(command.areaCodes, 'areaCodes');
    return this.unitOfWork.run(command.context, 'replace-subscriptions', async (tx) => {
      const { view, version } = await this.subscriptions.replace(tx.manager, organisation.id, command.areaCodes);
      if (version !== null) {
        tx.record(
          'subscriptions.replaced',
          { type: 'subscriptions', id: organisation.id, version },
          { organisationId: organisation.id, areaCodes: view.areaCodes, replacedAt: new Date().toISOString() },
        );
      }
      return view;
    });
  }
}
