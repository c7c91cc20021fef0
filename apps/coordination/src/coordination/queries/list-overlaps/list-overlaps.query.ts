import { Query } from '@nestjs/cqrs';
import { Page } from '@styrkedjan/platform';
import { OverlapFilter } from '../../persistence/overlaps.repository';
import { OverlapView } from '../../views/overlap.view';

export class ListOverlapsQuery extends Query<Page<OverlapView>> {
  constructor(readonly filter: OverlapFilter) {
    super();
  }
}
