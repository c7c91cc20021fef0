import { Query } from '@nestjs/cqrs';
import { NeedView } from '../../views/need.view';

export class GetNeedQuery extends Query<NeedView> {
  constructor(readonly id: string) {
    super();
  }
}
