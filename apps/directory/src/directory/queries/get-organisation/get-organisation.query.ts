import { Query } from '@nestjs/cqrs';
import { OrganisationView } from '../../persistence/organisation.view';

export class GetOrganisationQuery extends Query<OrganisationView> {
  constructor(readonly id: string) {
    super();
  }
}
