import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { MessagingModule } from '@styrkedjan/messaging';
import { PlatformModule } from '@styrkedjan/platform';
import { ReferenceDataModule } from '@styrkedjan/reference-data';
import { notificationsDatabase } from './database/notifications.database';
import { NotificationsModule } from './notifications/notifications.module';
import { SubscriptionsModule } from './subscriptions/subscriptions.module';

/**
 * Alerts (bevakning): organisations choose the areas they follow and get an inbox of what happened
 * there, of supports answering their needs and of feedback on their own supports.
 */
@Module({
  imports: [
    PlatformModule.forService('notifications', notificationsDatabase),
    MessagingModule.forService(),
    CqrsModule.forRoot(),
    ReferenceDataModule.forRoot({ areas: true, organisations: true }),
    SubscriptionsModule,
    NotificationsModule,
  ],
})
export class AppModule {}
