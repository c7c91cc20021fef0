import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DECLINE_REASONS,
  DeclineReason,
  NEED_STAGES,
  ORGANISATION_KINDS,
  OrganisationKind,
  SECTORS,
  Sector,
} from '@styrkedjan/contracts';
import type { NeedStage, SupportStatus } from '../domain/need';
import type { IdentifiedNeedView, NeedView, SimilarNeedView, TimelineEntryView } from '../views/need.view';

class AddressingSupportResponse {
  @ApiProperty({ format: 'uuid' }) supportId: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ['draft', 'published'] }) status: SupportStatus;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) draftedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) publishedAt: string | null;
}

class TriageResponse {
  @ApiProperty({ enum: ['accepted', 'declined', 'deferred'] }) decision: 'accepted' | 'declined' | 'deferred';
  @ApiProperty() rationale: string;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) leadAgencyId: string | null;
  @ApiProperty({ enum: DECLINE_REASONS, nullable: true }) declineReason: DeclineReason | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) existingSupportId: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) duplicateOfNeedId: string | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) reviewOn: string | null;
}

class SubmitterResponse {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The need merged into this one' })
  mergedFrom: string | null;
}

class CountyCountResponse {
  @ApiProperty({ format: 'uuid', description: 'The region (county) organisation' }) countyId: string;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty() count: number;
}

class EndorsementResponse {
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty({ nullable: true, type: String }) comment: string | null;
  @ApiProperty({ nullable: true, type: String }) localContext: string | null;
  @ApiProperty({ format: 'date-time' }) endorsedAt: string;
}

class EndorsementsResponse {
  @ApiProperty() count: number;
  @ApiProperty({
    type: 'object',
    maxProperties: ORGANISATION_KINDS.length,
    additionalProperties: { type: 'integer', format: 'int32', minimum: 1, maximum: 2_147_483_647 },
    description: `Endorsements per organisation kind (${ORGANISATION_KINDS.join(', ')})`,
  })
  byKind: Partial<Record<OrganisationKind, number>>;
  @ApiProperty({ type: [CountyCountResponse] }) byCounty: CountyCountResponse[];
  @ApiProperty({ type: [EndorsementResponse] }) items: EndorsementResponse[];
}

export class NeedResponse implements NeedView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The organisation that identified the need' }) organisationId: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty() areaCode: string;
  @ApiProperty({ enum: SECTORS }) sector: Sector;
  @ApiProperty({ type: [String], description: 'Codes from GET /target-groups' }) targetGroups: string[];
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ enum: NEED_STAGES }) stage: NeedStage;
  @ApiProperty({ description: 'Also the ETag' }) version: number;
  @ApiProperty({ format: 'date-time' }) identifiedAt: string;
  @ApiProperty({ format: 'date-time' }) lastTransitionAt: string;
  @ApiPropertyOptional({ type: TriageResponse, nullable: true }) triage: TriageResponse | null;
  @ApiProperty({ nullable: true, type: String }) openQuestion: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) mergedInto: string | null;
  @ApiProperty() flaggedForReview: boolean;
  @ApiProperty({ type: [SubmitterResponse] }) submitters: SubmitterResponse[];
  @ApiProperty({ type: EndorsementsResponse }) endorsements: EndorsementsResponse;
  @ApiProperty({ type: [AddressingSupportResponse] }) addressedBy: AddressingSupportResponse[];
}

export class SimilarNeedResponse implements SimilarNeedView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
  @ApiProperty() title: string;
  @ApiProperty() areaCode: string;
  @ApiProperty({ type: [String] }) targetGroups: string[];
  @ApiProperty({ enum: NEED_STAGES }) stage: NeedStage;
  @ApiProperty() endorsementCount: number;
  @ApiProperty({ minimum: 0, maximum: 1 }) score: number;
  @ApiProperty({ type: [String], example: ['same area: Primärvård', 'a target group in common: Äldre'] })
  reasons: string[];
}

export class IdentifiedNeedResponse extends NeedResponse implements IdentifiedNeedView {
  @ApiProperty({ type: [SimilarNeedResponse], description: 'Up to five similar open needs: endorse one instead?' })
  similar: SimilarNeedResponse[];
}

export class SimilarNeedsResponse {
  @ApiProperty({ type: [SimilarNeedResponse] }) items: SimilarNeedResponse[];
}

class TimelineActorResponse {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) organisationId: string | null;
  @ApiProperty({ nullable: true, type: String }) userId: string | null;
}

class TimelineEntryResponse implements TimelineEntryView {
  @ApiProperty() version: number;
  @ApiProperty({ example: 'need.triaged' }) type: string;
  @ApiProperty({ enum: NEED_STAGES }) stage: NeedStage;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: TimelineActorResponse }) actor: TimelineActorResponse;
  @ApiProperty({ nullable: true, type: String }) decision: string | null;
  @ApiProperty({ nullable: true, type: String }) rationale: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
}

export class NeedTimelineResponse {
  @ApiProperty({ format: 'uuid' }) needId: string;
  @ApiProperty({ type: [TimelineEntryResponse] }) items: TimelineEntryResponse[];
}

export class NeedPageResponse {
  @ApiProperty({ type: [NeedResponse] }) items: NeedResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
