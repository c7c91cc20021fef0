import { Module } from '@nestjs/common';
import { NeedsController } from './api/needs.controller';
import { IdentifyNeedHandler } from './commands/identify-need/identify-need.handler';
import { SupportDraftedConsumer } from './consumers/support-drafted.consumer';
import { SupportPublishedConsumer } from './consumers/support-published.consumer';
import { GetNeedHandler } from './queries/get-need/get-need.handler';
import { ListNeedsHandler } from './queries/list-needs/list-needs.handler';
import { NeedsRepository } from './persistence/needs.repository';

@Module({
  controllers: [NeedsController],
  providers: [
    NeedsRepository,
    IdentifyNeedHandler,
    GetNeedHandler,
    ListNeedsHandler,
    SupportDraftedConsumer,
    SupportPublishedConsumer,
  ],
})
export class NeedsModule {}
