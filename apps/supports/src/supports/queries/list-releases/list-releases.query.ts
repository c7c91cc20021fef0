import { Query } from '@nestjs/cqrs';
import { Page } from '@styrkedjan/platform';
import { ReleaseFilter } from '../../persistence/supports.repository';
import { SupportView } from '../../views/support.view';

export class ListReleasesQuery extends Query<Page<SupportView>> {
  constructor(readonly filter: ReleaseFilter) {
    super();
  }
}
