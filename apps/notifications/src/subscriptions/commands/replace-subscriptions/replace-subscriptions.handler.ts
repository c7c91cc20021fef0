import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { forbidden } from '@styrkedjan/platform';
import { References } from '@styrkedjan/reference-data';
import { assertManagesOwnSubscriptions, NotPermitted } from '../../domain/subscriptions';
import { SubscriptionsRepository } from '../../persistence/subscriptions.repository';
import { SubscriptionsView } from '../../persistence/subscriptions.view';
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
    try {
      assertManagesOwnSubscriptions(command.context.principal.organisationId, command.organisationId);
    } catch (error) {
      throw error instanceof NotPermitted ? forbidden(error.message) : error;
    }
    const organisation = await this.references.requireOrganisation(command.organisationId);
    await this.references.requireAreas(command.areaCodes, 'areaCodes');
    return this.subscriptions.replace(organisation.id, command.areaCodes);
  }
}
