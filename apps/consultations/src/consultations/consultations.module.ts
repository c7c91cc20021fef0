import { Module } from '@nestjs/common';
import { ConsultationsController } from './api/consultations.controller';
import { AnswerCommentHandler } from './commands/answer-comment/answer-comment.handler';
import { CloseConsultationHandler } from './commands/close-consultation/close-consultation.handler';
import { ExtendConsultationHandler } from './commands/extend-consultation/extend-consultation.handler';
import { OpenConsultationHandler } from './commands/open-consultation/open-consultation.handler';
import { SaveResponseHandler } from './commands/save-response/save-response.handler';
import { SendReminderHandler } from './commands/send-reminder/send-reminder.handler';
import { SubmitResponseHandler } from './commands/submit-response/submit-response.handler';
import { SupportEventsConsumer } from './consumers/support-events.consumer';
import { SubscriptionsReplacedConsumer } from './consumers/subscriptions-replaced.consumer';
import { FollowedAreasRepository } from './persistence/followed-areas.repository';
import { KnownSupportsRepository } from './persistence/known-supports.repository';
import { ReportRepository } from './persistence/report.repository';
import { ResponsesRepository } from './persistence/responses.repository';
import { RoundsRepository } from './persistence/rounds.repository';
import { GetConsultationHandler } from './queries/get-consultation/get-consultation.handler';
import { GetMyResponseHandler } from './queries/get-my-response/get-my-response.handler';
import { GetReportHandler, StreamReportHandler } from './queries/get-report/get-report.handler';
import { ListSupportConsultationsHandler } from './queries/list-support-consultations/list-support-consultations.handler';
import { RoundScheduler } from './scheduling/round-scheduler';

@Module({
  controllers: [ConsultationsController],
  providers: [
    KnownSupportsRepository,
    FollowedAreasRepository,
    RoundsRepository,
    ResponsesRepository,
    ReportRepository,
    RoundScheduler,
    OpenConsultationHandler,
    SaveResponseHandler,
    SubmitResponseHandler,
    ExtendConsultationHandler,
    CloseConsultationHandler,
    SendReminderHandler,
    AnswerCommentHandler,
    GetConsultationHandler,
    ListSupportConsultationsHandler,
    GetMyResponseHandler,
    GetReportHandler,
    StreamReportHandler,
    SupportEventsConsumer,
    SubscriptionsReplacedConsumer,
  ],
})
export class ConsultationsModule {}
