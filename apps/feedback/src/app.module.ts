import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { MessagingModule } from '@styrkedjan/messaging';
import { PlatformModule } from '@styrkedjan/platform';
import { feedbackDatabase } from './database/feedback.database';
import { FeedbackModule } from './feedback/feedback.module';

/**
 * Feedback (återkoppling): how a published support works in practice, told to its lead agency.
 * No directory projection: the giver's kind comes with the request and nothing here names an area.
 */
@Module({
  imports: [
    PlatformModule.forService('feedback', feedbackDatabase),
    MessagingModule.forService(),
    CqrsModule.forRoot(),
    FeedbackModule,
  ],
})
export class AppModule {}
