import { Query } from '@nestjs/cqrs';
import { Page } from '@styrkedjan/platform';
import { OrganisationFilter } from '../../persistence/organisations.repository';
import { OrganisationView } from '../../views/organisation.view';

export class ListOrganisationsQuery extends Query<Page<OrganisationView>> {
  constructor(readonly filter: OrganisationFilter) {
    super();
  }
}
