import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { forbidden } from '@styrkedjan/platform';
import { References } from '@styrkedjan/reference-data';
import { assertManagesOwnSubscriptions, NotPermitted } from '../../domain/subscriptions';
import { SubscriptionsRepository } from '../../persistence/subscriptions.repository';
import { SubscriptionsView } from '../../persistence/subscriptions.view';
import { GetSubscriptionsQuery } from './get-subscriptions.query';

/** What an organisation follows is its own business, like its inbox: only it may read the set. */
@QueryHandler(GetSubscriptionsQuery)
export class GetSubscriptionsHandler implements IQueryHandler<GetSubscriptionsQuery, SubscriptionsView> {
  constructor(
    private readonly references: References,
    private readonly subscriptions: SubscriptionsRepository,
  ) {}

  async execute(query: GetSubscriptionsQuery): Promise<SubscriptionsView> {
    try {
      assertManagesOwnSubscriptions(query.context.principal.organisationId, query.organisationId);
    } catch (error) {
      throw error instanceof NotPermitted ? forbidden(error.message) : error;
    }
    const organisation = await this.references.requireOrganisation(query.organisationId);
    return this.subscriptions.find(organisation.id);
  }
}
