import { Module } from '@nestjs/common';
import { NotificationsController } from './api/notifications.controller';
import { MarkAllNotificationsReadHandler } from './commands/mark-all-notifications-read/mark-all-notifications-read.handler';
import { MarkNotificationReadHandler } from './commands/mark-notification-read/mark-notification-read.handler';
import { FeedbackReceivedConsumer } from './consumers/feedback-received.consumer';
import { NeedAddressedConsumer } from './consumers/need-addressed.consumer';
import { NeedAnsweredConsumer } from './consumers/need-answered.consumer';
import { NeedClarificationRequestedConsumer } from './consumers/need-clarification-requested.consumer';
import { NeedMergedConsumer } from './consumers/need-merged.consumer';
import { NeedTriagedConsumer } from './consumers/need-triaged.consumer';
import { SupportPublishedConsumer } from './consumers/support-published.consumer';
import { NotificationsRepository } from './persistence/notifications.repository';
import { ListNotificationsHandler } from './queries/list-notifications/list-notifications.handler';

@Module({
  controllers: [NotificationsController],
  providers: [
    NotificationsRepository,
    ListNotificationsHandler,
    MarkNotificationReadHandler,
    MarkAllNotificationsReadHandler,
    SupportPublishedConsumer,
    FeedbackReceivedConsumer,
    NeedTriagedConsumer,
    NeedClarificationRequestedConsumer,
    NeedMergedConsumer,
    NeedAddressedConsumer,
    NeedAnsweredConsumer,
  ],
})
export class NotificationsModule {}
