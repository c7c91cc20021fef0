import { Query } from '@nestjs/cqrs';
import type { Page } from '@styrkedjan/platform';
import { RegionalAdditionView } from '../../views/support.view';

export class ListRegionalAdditionsQuery extends Query<Page<RegionalAdditionView>> {
  constructor(
    readonly regionId: string,
    readonly limit: number,
    readonly cursor?: string,
  ) {
    super();
  }
}
