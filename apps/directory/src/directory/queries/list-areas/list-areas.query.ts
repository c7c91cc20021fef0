import { Query } from '@nestjs/cqrs';
import type { Sector } from '@styrkedjan/contracts';
import { AreaView } from '../../views/area.view';

export class ListAreasQuery extends Query<{ items: AreaView[] }> {
  constructor(readonly sector?: Sector) {
    super();
  }
}
