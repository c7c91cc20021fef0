import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { References } from '@styrkedjan/reference-data';
import { SubscriptionsRepository } from '../../persistence/subscriptions.repository';
import { SubscriptionsView } from '../../views/subscriptions.view';
import { ReplaceSubscriptionsCommand } from './replace-subscriptions.command';

/**
 * Sets the areas an organisation follows, replacing the previous set. Idempotent by nature (the same
 * body gives the same state), and no other service needs to know, so it records no event.
 */
@CommandHandler(ReplaceSubscriptionsCommand)
export class ReplaceSubscriptionsHandler implements ICommandHandler<ReplaceSubscriptionsCommand, SubscriptionsView> {
  constructor(
    private readonly references: References,
    private readonly subscriptions: SubscriptionsRepository,
  ) {}

  async execute(command: ReplaceSubscriptionsCommand): Promise<SubscriptionsView> {
    const organisation = await this.references.requireOrganisation(command.organisationId);
    await this.references.requireAreas(command.areaCodes, 'areaCodes');
    return this.subscriptions.replace(organisation.id, command.areaCodes);
  }
}
