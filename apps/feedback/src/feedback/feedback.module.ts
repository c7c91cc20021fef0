import { Module } from '@nestjs/common';
import { FeedbackController } from './api/feedback.controller';
import { GiveFeedbackHandler } from './commands/give-feedback/give-feedback.handler';
import { SupportDraftedConsumer } from './consumers/support-drafted.consumer';
import { SupportPublishedConsumer } from './consumers/support-published.consumer';
import { SupportWithdrawnConsumer } from './consumers/support-withdrawn.consumer';
import { FeedbackRepository } from './persistence/feedback.repository';
import { KnownSupportsRepository } from './persistence/known-supports.repository';
import { ListFeedbackHandler } from './queries/list-feedback/list-feedback.handler';

@Module({
  controllers: [FeedbackController],
  providers: [
    KnownSupportsRepository,
    FeedbackRepository,
    GiveFeedbackHandler,
    ListFeedbackHandler,
    SupportDraftedConsumer,
    SupportPublishedConsumer,
    SupportWithdrawnConsumer,
  ],
})
export class FeedbackModule {}
