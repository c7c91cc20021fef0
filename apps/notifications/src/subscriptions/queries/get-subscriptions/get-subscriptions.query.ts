import { Query } from '@nestjs/cqrs';
import { ActingContext } from '@styrkedjan/platform';
import { SubscriptionsView } from '../../views/subscriptions.view';

export class GetSubscriptionsQuery extends Query<SubscriptionsView> {
  constructor(
    readonly context: ActingContext,
    readonly organisationId: string,
  ) {
    super();
  }
}
