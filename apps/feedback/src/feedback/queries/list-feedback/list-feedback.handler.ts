import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NotFound } from '@styrkedjan/platform';
import { FeedbackRepository } from '../../persistence/feedback.repository';
import { FeedbackPageView } from '../../views/feedback.view';
import { KnownSupportsRepository } from '../../persistence/known-supports.repository';
import { ListFeedbackQuery } from './list-feedback.query';

/** A support's feedback, newest first, with a summary over all of it (not only the page). */
@QueryHandler(ListFeedbackQuery)
export class ListFeedbackHandler implements IQueryHandler<ListFeedbackQuery, FeedbackPageView> {
  constructor(
    private readonly knownSupports: KnownSupportsRepository,
    private readonly feedback: FeedbackRepository,
  ) {}

  async execute(query: ListFeedbackQuery): Promise<FeedbackPageView> {
    const { supportId } = query.filter;
    if (!(await this.knownSupports.find(supportId))) throw new NotFound('Support', supportId);
    const [page, summary] = await Promise.all([this.feedback.list(query.filter), this.feedback.summary(supportId)]);
    return { ...page, summary };
  }
}
