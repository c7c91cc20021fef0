import { Query } from '@nestjs/cqrs';
import { HistoryStepView } from '../../views/support.view';

export class GetHistoryQuery extends Query<{ items: HistoryStepView[] }> {
  constructor(readonly supportId: string) {
    super();
  }
}
