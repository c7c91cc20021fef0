import { Query } from '@nestjs/cqrs';
import { SupportView } from '../../views/support.view';

export class GetSupportQuery extends Query<SupportView> {
  constructor(readonly id: string) {
    super();
  }
}
