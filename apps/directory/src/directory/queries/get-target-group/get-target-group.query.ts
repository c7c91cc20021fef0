import { Query } from '@nestjs/cqrs';
import { TargetGroupView } from '../../views/target-group.view';

export class GetTargetGroupQuery extends Query<TargetGroupView> {
  constructor(readonly code: string) {
    super();
  }
}
