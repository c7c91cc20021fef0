import { ApiProperty } from '@nestjs/swagger';
import { APPLICATION_STATUSES, ApplicationStatus } from '@styrkedjan/contracts';
import { FeedbackSummary } from '../domain/feedback';
import { FeedbackPageView, FeedbackView } from '../views/feedback.view';

export class FeedbackResponse implements FeedbackView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) supportId: string;
  @ApiProperty({ format: 'uuid', description: 'The organisation that gave the feedback' }) organisationId: string;
  @ApiProperty({ minimum: 1, maximum: 5 }) usefulness: number;
  @ApiProperty({ enum: APPLICATION_STATUSES }) applicationStatus: ApplicationStatus;
  @ApiProperty() comment: string;
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
}

class ApplicationStatusCounts implements Record<ApplicationStatus, number> {
  @ApiProperty() applied: number;
  @ApiProperty() planned: number;
  @ApiProperty() not_applicable: number;
  @ApiProperty() lacks_capacity: number;
}

class FeedbackSummaryResponse implements FeedbackSummary {
  @ApiProperty({ description: 'All feedback on the support, not only this page' }) count: number;
  @ApiProperty({ nullable: true, type: Number, description: 'Mean usefulness to two decimals; null without feedback' })
  averageUsefulness: number | null;
  @ApiProperty({ type: ApplicationStatusCounts }) byApplicationStatus: ApplicationStatusCounts;
}

export class FeedbackPageResponse implements FeedbackPageView {
  @ApiProperty({ type: [FeedbackResponse], description: 'Newest first' }) items: FeedbackResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
  @ApiProperty({ type: FeedbackSummaryResponse }) summary: FeedbackSummaryResponse;
}
