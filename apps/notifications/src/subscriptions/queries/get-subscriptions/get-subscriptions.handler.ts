import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { References } from '@styrkedjan/reference-data';
import { SubscriptionsRepository } from '../../persistence/subscriptions.repository';
import { SubscriptionsView } from '../../views/subscriptions.view';
import { GetSubscriptionsQuery } from './get-subscriptions.query';

/** What an organisation follows is its own business, like its inbox: only it may read the set. */
@QueryHandler(GetSubscriptionsQuery)
export class GetSubscriptionsHandler implements IQueryHandler<GetSubscriptionsQuery, SubscriptionsView> {
  constructor(
    private readonly references: References,
    private readonly subscriptions: SubscriptionsRepository,
  ) {}

  async execute(query: GetSubscriptionsQuery): Promise<SubscriptionsView> {
    const organisation = await this.references.requireOrganisation(query.organisationId);
    return this.subscriptions.find(organisation.id);
  }
}
