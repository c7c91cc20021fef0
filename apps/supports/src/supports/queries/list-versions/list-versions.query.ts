import { Query } from '@nestjs/cqrs';
import { EditionView } from '../../views/support.view';

export class ListVersionsQuery extends Query<{ items: EditionView[] }> {
  constructor(readonly supportId: string) {
    super();
  }
}
