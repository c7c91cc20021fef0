import { Module } from '@nestjs/common';
import { SupportsController } from './api/supports.controller';
import { DraftSupportHandler } from './commands/draft-support/draft-support.handler';
import { PublishSupportHandler } from './commands/publish-support/publish-support.handler';
import { AddRegionalAdditionHandler } from './commands/add-regional-addition/add-regional-addition.handler';
import { EditSupportHandler } from './commands/edit-support/edit-support.handler';
import { StartRevisionHandler } from './commands/start-revision/start-revision.handler';
import { WithdrawSupportHandler } from './commands/withdraw-support/withdraw-support.handler';
import { ConsultationRoundsConsumer } from './consumers/consultation-rounds.consumer';
import { NeedIdentifiedConsumer } from './consumers/need-identified.consumer';
import { OverlapResolvedConsumer } from './consumers/overlap-resolved.consumer';
import { EditionsRepository } from './persistence/editions.repository';
import { HistoryRepository } from './persistence/history.repository';
import { RegionalAdditionsRepository } from './persistence/regional-additions.repository';
import { RoundsRepository } from './persistence/rounds.repository';
import { GetHistoryHandler } from './queries/get-history/get-history.handler';
import { ListRegionalAdditionsHandler } from './queries/list-regional-additions/list-regional-additions.handler';
import { ListVersionsHandler } from './queries/list-versions/list-versions.handler';
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
    EditionsRepository,
    HistoryRepository,
    RoundsRepository,
    RegionalAdditionsRepository,
    DraftSupportHandler,
    EditSupportHandler,
    PublishSupportHandler,
    StartRevisionHandler,
    WithdrawSupportHandler,
    AddRegionalAdditionHandler,
    GetSupportHandler,
    GetHistoryHandler,
    ListVersionsHandler,
    ListRegionalAdditionsHandler,
    ListSupportsHandler,
    ListReleasesHandler,
    NeedIdentifiedConsumer,
    ConsultationRoundsConsumer,
    OverlapResolvedConsumer,
  ],
})
export class SupportsModule {}
