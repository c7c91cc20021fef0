import { Module } from '@nestjs/common';
import { NeedsController } from './api/needs.controller';
import { ClarifyNeedHandler } from './commands/clarify-need/clarify-need.handler';
import { EndorseNeedHandler } from './commands/endorse-need/endorse-need.handler';
import { IdentifyNeedHandler } from './commands/identify-need/identify-need.handler';
import { MergeNeedHandler } from './commands/merge-need/merge-need.handler';
import { TriageNeedHandler } from './commands/triage-need/triage-need.handler';
import { WithdrawEndorsementHandler } from './commands/withdraw-endorsement/withdraw-endorsement.handler';
import { OrganisationConsumer } from './consumers/organisation.consumer';
import { SupportDraftedConsumer } from './consumers/support-drafted.consumer';
import { SupportPublishedConsumer } from './consumers/support-published.consumer';
import { SupportWithdrawnConsumer } from './consumers/support-withdrawn.consumer';
import { TargetGroupConsumer } from './consumers/target-group.consumer';
import { NeedsRepository } from './persistence/needs.repository';
import { ProjectionsRepository } from './persistence/projections.repository';
import { SimilarNeedsRepository } from './persistence/similar-needs.repository';
import { GetNeedHandler } from './queries/get-need/get-need.handler';
import { GetNeedTimelineHandler } from './queries/get-need-timeline/get-need-timeline.handler';
import { GetSimilarNeedsHandler } from './queries/get-similar-needs/get-similar-needs.handler';
import { SimilarNeedsFinder } from './queries/get-similar-needs/similar-needs.finder';
import { ListNeedsHandler } from './queries/list-needs/list-needs.handler';

@Module({
  controllers: [NeedsController],
  providers: [
    NeedsRepository,
    ProjectionsRepository,
    SimilarNeedsRepository,
    SimilarNeedsFinder,
    IdentifyNeedHandler,
    EndorseNeedHandler,
    WithdrawEndorsementHandler,
    TriageNeedHandler,
    ClarifyNeedHandler,
    MergeNeedHandler,
    GetNeedHandler,
    ListNeedsHandler,
    GetSimilarNeedsHandler,
    GetNeedTimelineHandler,
    SupportDraftedConsumer,
    SupportPublishedConsumer,
    SupportWithdrawnConsumer,
    TargetGroupConsumer,
    OrganisationConsumer,
  ],
})
export class NeedsModule {}
