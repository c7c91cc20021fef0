import { Module } from '@nestjs/common';
import { NotificationsController } from './api/notifications.controller';
import { MarkAllNotificationsReadHandler } from './commands/mark-all-notifications-read/mark-all-notifications-read.handler';
import { MarkNotificationReadHandler } from './commands/mark-notification-read/mark-notification-read.handler';
import { ConsultationClosedConsumer } from './consumers/consultation-closed.consumer';
import { ConsultationClosingSoonConsumer } from './consumers/consultation-closing-soon.consumer';
import { ConsultationExtendedConsumer } from './consumers/consultation-extended.consumer';
import { ConsultationOpenedConsumer } from './consumers/consultation-opened.consumer';
import { FeedbackReceivedConsumer } from './consumers/feedback-received.consumer';
import { NeedAddressedConsumer } from './consumers/need-addressed.consumer';
import { NeedAnsweredConsumer } from './consumers/need-answered.consumer';
import { NeedClarificationRequestedConsumer } from './consumers/need-clarification-requested.consumer';
import { NeedMergedConsumer } from './consumers/need-merged.consumer';
import { NeedTriagedConsumer } from './consumers/need-triaged.consumer';
import { SupportPublishedConsumer } from './consumers/support-published.consumer';
import { SupportRegionalAdditionPublishedConsumer } from './consumers/support-regional-addition-published.consumer';
import { SupportRevisedConsumer } from './consumers/support-revised.consumer';
import { SupportWithdrawnConsumer } from './consumers/support-withdrawn.consumer';
import { NotificationsRepository } from './persistence/notifications.repository';
import { RecipientsRepository } from './persistence/recipients.repository';
import { ListNotificationsHandler } from './queries/list-notifications/list-notifications.handler';

@Module({
  controllers: [NotificationsController],
  providers: [
    NotificationsRepository,
    RecipientsRepository,
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
    ConsultationOpenedConsumer,
    ConsultationExtendedConsumer,
    ConsultationClosingSoonConsumer,
    ConsultationClosedConsumer,
    SupportRevisedConsumer,
    SupportWithdrawnConsumer,
    SupportRegionalAdditionPublishedConsumer,
  ],
})
export class NotificationsModule {}
