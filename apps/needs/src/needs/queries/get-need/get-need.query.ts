import { Query } from '@nestjs/cqrs';
import { NeedView } from '../../persistence/need.view';

export class GetNeedQuery extends Query<NeedView> {
  constructor(readonly id: string) {
    super();
  }
}
