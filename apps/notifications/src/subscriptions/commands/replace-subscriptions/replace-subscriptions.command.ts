import { Command } from '@nestjs/cqrs';
import { ActingContext } from '@styrkedjan/platform';
import { SubscriptionsView } from '../../views/subscriptions.view';

export class ReplaceSubscriptionsCommand extends Command<SubscriptionsView> {
  constructor(
    readonly context: ActingContext,
    readonly organisationId: string,
    readonly areaCodes: readonly string[],
  ) {
    super();
  }
}
