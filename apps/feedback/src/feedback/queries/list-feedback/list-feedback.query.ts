import { Query } from '@nestjs/cqrs';
import { FeedbackFilter } from '../../persistence/feedback.repository';
import { FeedbackPageView } from '../../views/feedback.view';

export class ListFeedbackQuery extends Query<FeedbackPageView> {
  constructor(readonly filter: FeedbackFilter) {
    super();
  }
}
