import { Query } from '@nestjs/cqrs';
import { Page } from '@styrkedjan/platform';
import { NeedFilter } from '../../persistence/needs.repository';
import { NeedView } from '../../views/need.view';

export class ListNeedsQuery extends Query<Page<NeedView>> {
  constructor(readonly filter: NeedFilter) {
    super();
  }
}
