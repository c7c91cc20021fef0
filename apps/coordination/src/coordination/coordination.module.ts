import { Module } from '@nestjs/common';
import { COORDINATION_CONFIG, parseCoordinationConfig } from '../config/coordination.config';
import { BoardController } from './api/board.controller';
import { CalendarController } from './api/calendar.controller';
import { OverlapsController } from './api/overlaps.controller';
import { OverlapDetector } from './commands/detect-overlaps/overlap-detector';
import { CollisionEvaluator } from './commands/evaluate-collisions/collision-evaluator';
import { ResolveOverlapHandler } from './commands/resolve-overlap/resolve-overlap.handler';
import { CONSULTATION_ROUND_PROVIDERS } from './consumers/consultation-rounds.consumers';
import { NeedTriagedConsumer } from './consumers/need-triaged.consumer';
import { SupportChanges } from './consumers/support-changes';
import { SupportDraftedConsumer } from './consumers/support-drafted.consumer';
import { SupportPublishedConsumer } from './consumers/support-published.consumer';
import { SupportRescheduledConsumer } from './consumers/support-rescheduled.consumer';
import { SupportRevisedConsumer } from './consumers/support-revised.consumer';
import { SupportUpdatedConsumer } from './consumers/support-updated.consumer';
import { SupportWithdrawnConsumer } from './consumers/support-withdrawn.consumer';
import { AssignedNeedsRepository } from './persistence/assigned-needs.repository';
import { BoardRepository } from './persistence/board.repository';
import { CalendarRepository } from './persistence/calendar.repository';
import { CollisionsRepository } from './persistence/collisions.repository';
import { ConsultationsRepository } from './persistence/consultations.repository';
import { KnownSupportsRepository } from './persistence/known-supports.repository';
import { OverlapCandidatesRepository } from './persistence/overlap-candidates.repository';
import { OverlapsRepository } from './persistence/overlaps.repository';
import { GetBoardHandler } from './queries/get-board/get-board.handler';
import { GetCalendarFeedHandler } from './queries/get-calendar-feed/get-calendar-feed.handler';
import { GetCalendarHandler } from './queries/get-calendar/get-calendar.handler';
import { GetOverlapHandler } from './queries/get-overlap/get-overlap.handler';
import { ListOverlapsHandler } from './queries/list-overlaps/list-overlaps.handler';

@Module({
  controllers: [OverlapsController, CalendarController, BoardController],
  providers: [
    { provide: COORDINATION_CONFIG, useFactory: () => parseCoordinationConfig() },
    KnownSupportsRepository,
    AssignedNeedsRepository,
    ConsultationsRepository,
    CalendarRepository,
    CollisionsRepository,
    OverlapsRepository,
    OverlapCandidatesRepository,
    OverlapDetector,
    CollisionEvaluator,
    SupportChanges,
    SupportDraftedConsumer,
    SupportUpdatedConsumer,
    SupportRescheduledConsumer,
    SupportPublishedConsumer,
    SupportRevisedConsumer,
    SupportWithdrawnConsumer,
    NeedTriagedConsumer,
    ...CONSULTATION_ROUND_PROVIDERS,
    ResolveOverlapHandler,
    ListOverlapsHandler,
    GetOverlapHandler,
    GetCalendarHandler,
    GetCalendarFeedHandler,
    BoardRepository,
    GetBoardHandler,
  ],
})
export class CoordinationModule {}
