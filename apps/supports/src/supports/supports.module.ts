import { Module } from '@nestjs/common';
import { SupportsController } from './api/supports.controller';
import { DraftSupportHandler } from './commands/draft-support/draft-support.handler';
import { PublishSupportHandler } from './commands/publish-support/publish-support.handler';
import { NeedIdentifiedConsumer } from './consumers/need-identified.consumer';
import { OverlapResolvedConsumer } from './consumers/overlap-resolved.consumer';
import { KnownNeedsRepository } from './persistence/known-needs.repository';
import { SupportsRepository } from './persistence/supports.repository';
import { GetSupportHandler } from './queries/get-support/get-support.handler';
import { ListReleasesHandler } from './queries/list-releases/list-releases.handler';
import { ListSupportsHandler } from './queries/list-supports/list-supports.handler';

@Module({
  controllers: [SupportsController],
  providers: [
    SupportsRepository,
    KnownNeedsRepository,
    DraftSupportHandler,
    PublishSupportHandler,
    GetSupportHandler,
    ListSupportsHandler,
    ListReleasesHandler,
    NeedIdentifiedConsumer,
    OverlapResolvedConsumer,
  ],
})
export class SupportsModule {}
