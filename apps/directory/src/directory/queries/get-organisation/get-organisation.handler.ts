import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@styrkedjan/platform';
import { OrganisationsRepository } from '../../persistence/organisations.repository';
import { OrganisationView } from '../../views/organisation.view';
import { GetOrganisationQuery } from './get-organisation.query';

@QueryHandler(GetOrganisationQuery)
export class GetOrganisationHandler implements IQueryHandler<GetOrganisationQuery, OrganisationView> {
  constructor(private readonly organisations: OrganisationsRepository) {}

  async execute(query: GetOrganisationQuery): Promise<OrganisationView> {
    const organisation = await this.organisations.findView(query.id);
    if (!organisation) throw new NotFound('Organisation', query.id);
    return organisation;
  }
}
