import { Query } from '@nestjs/cqrs';
import { Page } from '@styrkedjan/platform';
import { SupportFilter } from '../../persistence/supports.repository';
import { SupportView } from '../../views/support.view';

export class ListSupportsQuery extends Query<Page<SupportView>> {
  constructor(readonly filter: SupportFilter) {
    super();
  }
}
