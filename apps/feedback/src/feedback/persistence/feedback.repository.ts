import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { ApplicationStatus } from '@styrkedjan/contracts';
import { decodeTimeIdCursor, Page, toPage } from '@styrkedjan/platform';
import { FeedbackState, FeedbackSummary, summariseFeedback } from '../domain/feedback';
import { FeedbackEntity } from './feedback.entity';
import { FeedbackView, toFeedbackView } from '../views/feedback.view';

export interface FeedbackFilter {
  supportId: string;
  limit: number;
  cursor?: string;
}

@Injectable()
export class FeedbackRepository {
  constructor(private readonly dataSource: DataSource) {}

  async insert(manager: EntityManager, feedback: Readonly<FeedbackState>): Promise<void> {
    await manager.insert(FeedbackEntity, Object.assign(new FeedbackEntity(), feedback));
  }

  /** A support's feedback, newest first, keyset-paginated on (received_at, id). */
  async list(filter: FeedbackFilter): Promise<Page<FeedbackView>> {
    const query = this.dataSource.manager
      .createQueryBuilder(FeedbackEntity, 'feedback')
      .where('feedback.supportId = :supportId', { supportId: filter.supportId })
      .orderBy('feedback.receivedAt', 'DESC')
      .addOrderBy('feedback.id', 'DESC')
      .limit(filter.limit + 1);
    const after = decodeTimeIdCursor(filter.cursor);
    if (after)
      query.andWhere('(feedback.receivedAt, feedback.id) < (CAST(:at AS timestamptz), CAST(:id AS uuid))', after);
    const rows = await query.getMany();
    return toPage(rows, filter.limit, toFeedbackView, (row) => [row.receivedAt.toISOString(), row.id]);
  }

  /** Counted in the database, so the summary costs one index range scan however many pages there are. */
  async summary(supportId: string): Promise<FeedbackSummary> {
    const groups: { application_status: ApplicationStatus; count: number; usefulness_sum: number }[] =
      await this.dataSource.query(
        `SELECT application_status, count(*)::int AS count, sum(usefulness)::int AS usefulness_sum
       FROM feedback WHERE support_id = $1 GROUP BY application_status`,
        [supportId],
      );
    return summariseFeedback(
      groups.map((group) => ({
        applicationStatus: group.application_status,
        count: group.count,
        usefulnessSum: group.usefulness_sum,
      })),
    );
  }
}
