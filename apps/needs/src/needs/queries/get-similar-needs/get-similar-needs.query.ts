import { Query } from '@nestjs/cqrs';
import type { SimilarNeedView } from '../../views/need.view';

export class GetSimilarNeedsQuery extends Query<{ items: SimilarNeedView[] }> {
  constructor(readonly needId: string) {
    super();
  }
}
