import { Query } from '@nestjs/cqrs';
import { OverlapView } from '../../views/overlap.view';

export class GetOverlapQuery extends Query<OverlapView> {
  constructor(readonly id: string) {
    super();
  }
}
