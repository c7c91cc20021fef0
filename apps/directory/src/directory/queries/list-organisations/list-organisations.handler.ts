import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Page } from '@styrkedjan/platform';
import { OrganisationsRepository } from '../../persistence/organisations.repository';
import { OrganisationView } from '../../views/organisation.view';
import { ListOrganisationsQuery } from './list-organisations.query';

@QueryHandler(ListOrganisationsQuery)
export class ListOrganisationsHandler implements IQueryHandler<ListOrganisationsQuery, Page<OrganisationView>> {
  constructor(private readonly organisations: OrganisationsRepository) {}

  execute(query: ListOrganisationsQuery): Promise<Page<OrganisationView>> {
    return this.organisations.list(query.filter);
  }
}
