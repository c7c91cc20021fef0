import { Query } from '@nestjs/cqrs';
import type { Sector } from '@styrkedjan/contracts';
import { TargetGroupView } from '../../views/target-group.view';

export class ListTargetGroupsQuery extends Query<{ items: TargetGroupView[] }> {
  constructor(readonly sector?: Sector) {
    super();
  }
}
