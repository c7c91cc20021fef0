import { ApiProperty } from '@nestjs/swagger';
import { SECTORS, Sector } from '@styrkedjan/contracts';
import { NEED_STAGES, NeedStage, SUPPORT_STAGES, SupportStage } from '../domain/pipeline';
import type {
  NeedCounts,
  PipelineNeedView,
  PipelineSupportView,
  PipelineView,
} from '../persistence/pipeline.repository';

class PipelineFilterResponse {
  @ApiProperty({ nullable: true, type: String }) areaCode: string | null;
  @ApiProperty({ enum: SECTORS, nullable: true, type: String }) sector: Sector | null;
}

class NeedCountsResponse implements NeedCounts {
  @ApiProperty({ description: 'Registered, not yet taken up by the steering group' }) identified: number;
  @ApiProperty({ description: 'Before the steering group, endorsed, or waiting for an answer to its question' })
  underReview: number;
  @ApiProperty({ description: 'Accepted, with a lead agency to answer it' }) accepted: number;
  @ApiProperty({ description: 'Declined, with a reason' }) declined: number;
  @ApiProperty({ description: 'Deferred to a date of review' }) deferred: number;
  @ApiProperty({ description: 'Merged into another need' }) merged: number;
  @ApiProperty({ description: 'Some support answering the need is drafted' }) beingAddressed: number;
  @ApiProperty({ description: 'Some support answering the need is published' }) answered: number;
  @ApiProperty({ deprecated: true, description: 'The earlier name of beingAddressed, the same count' })
  addressedByDraft: number;
  @ApiProperty({ deprecated: true, description: 'The earlier name of answered, the same count' }) addressed: number;
}

class SupportCountsResponse {
  @ApiProperty() draft: number;
  @ApiProperty({ description: 'A draft with a round of consultation open' }) inConsultation: number;
  @ApiProperty({ description: 'A draft whose rounds of consultation have all closed' }) consultationClosed: number;
  @ApiProperty() published: number;
  @ApiProperty({ description: 'Published, and feedback has come back' }) withFeedback: number;
  @ApiProperty({ description: 'Published, and a revision since' }) revised: number;
  @ApiProperty() withdrawn: number;
}

class PipelineCountsResponse {
  @ApiProperty({ type: NeedCountsResponse }) needs: NeedCountsResponse;
  @ApiProperty({ type: SupportCountsResponse }) supports: SupportCountsResponse;
}

export class PipelineNeedResponse implements PipelineNeedView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() areaCode: string;
  @ApiProperty({ enum: SECTORS }) sector: Sector;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ enum: NEED_STAGES }) stage: NeedStage;
  @ApiProperty({ format: 'date-time' }) identifiedAt: string;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'First draft of a support answering it',
  })
  draftedAt: string | null;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'First publication of a support answering it',
  })
  publishedAt: string | null;
}

export class PipelineSupportResponse implements PipelineSupportView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() areaCode: string;
  @ApiProperty({ enum: SECTORS }) sector: Sector;
  @ApiProperty({ format: 'uuid' }) leadAgencyId: string;
  @ApiProperty({ enum: SUPPORT_STAGES }) stage: SupportStage;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) draftedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) publishedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) firstFeedbackAt: string | null;
  @ApiProperty() feedbackCount: number;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Its first round opened' })
  consultationOpenedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Its last round closed' })
  consultationClosedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'Its latest revision published' })
  revisedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) withdrawnAt: string | null;
  @ApiProperty({ type: [String], format: 'uuid', description: 'The needs it answers' }) needIds: string[];
}

class PipelineNeedPageResponse {
  @ApiProperty({ type: [PipelineNeedResponse] }) items: PipelineNeedResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as needsCursor for the next page' }) nextCursor:
    string | null;
}

class PipelineSupportPageResponse {
  @ApiProperty({ type: [PipelineSupportResponse] }) items: PipelineSupportResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as supportsCursor for the next page' }) nextCursor:
    string | null;
}

export class PipelineResponse implements PipelineView {
  @ApiProperty({ type: PipelineFilterResponse }) filter: PipelineFilterResponse;
  @ApiProperty({
    type: PipelineCountsResponse,
    description: 'Items currently in each stage, for the whole filter (not just this page)',
  })
  counts: PipelineCountsResponse;
  @ApiProperty({ type: PipelineNeedPageResponse, description: 'Identified needs, newest first' })
  needs: PipelineNeedPageResponse;
  @ApiProperty({ type: PipelineSupportPageResponse, description: 'Drafted or published supports, newest first' })
  supports: PipelineSupportPageResponse;
}
