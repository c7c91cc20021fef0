import { Query } from '@nestjs/cqrs';
import { AreaView } from '../../views/area.view';

export class GetAreaQuery extends Query<AreaView> {
  constructor(readonly code: string) {
    super();
  }
}
