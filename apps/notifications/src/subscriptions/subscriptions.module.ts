import { Module } from '@nestjs/common';
import { SubscriptionsController } from './api/subscriptions.controller';
import { ReplaceSubscriptionsHandler } from './commands/replace-subscriptions/replace-subscriptions.handler';
import { SubscriptionsRepository } from './persistence/subscriptions.repository';
import { GetSubscriptionsHandler } from './queries/get-subscriptions/get-subscriptions.handler';

@Module({
  controllers: [SubscriptionsController],
  providers: [SubscriptionsRepository, ReplaceSubscriptionsHandler, GetSubscriptionsHandler],
})
export class SubscriptionsModule {}
