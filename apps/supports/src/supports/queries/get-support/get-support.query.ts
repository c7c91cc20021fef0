import { Query } from '@nestjs/cqrs';
import { SupportDetailView } from '../../views/support.view';

export class GetSupportQuery extends Query<SupportDetailView> {
  constructor(readonly id: string) {
    super();
  }
}
