import { Query } from '@nestjs/cqrs';
import { OrganisationView } from '../../views/organisation.view';

export class GetOrganisationQuery extends Query<OrganisationView> {
  constructor(readonly id: string) {
    super();
  }
}
