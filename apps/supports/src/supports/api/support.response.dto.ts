import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  type Audience,
  ORGANISATION_KINDS,
  OrganisationKind,
  REVISION_CHANGES,
  RevisionChange,
  SECTORS,
  Sector,
} from '@styrkedjan/contracts';
import { SUPPORT_STATUSES, SupportStatus } from '../domain/support';
import type {
  EditionView,
  HistoryStepView,
  RegionalAdditionView,
  SupportDetailView,
  SupportView,
} from '../views/support.view';

export class AudienceResponse implements Audience {
  @ApiProperty({ enum: ORGANISATION_KINDS, isArray: true }) organisationKinds: OrganisationKind[];
  @ApiProperty({ enum: SECTORS, isArray: true }) sectors: Sector[];
  @ApiProperty({ type: [String] }) professions: string[];
}

export class RevisionResponse {
  @ApiProperty({ description: 'The edition being drafted' }) edition: string;
  @ApiProperty({ enum: REVISION_CHANGES }) change: RevisionChange;
  @ApiProperty() changeNote: string;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
}

export class WithdrawalResponse {
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) replacedBySupportId: string | null;
  @ApiProperty({ format: 'date-time' }) withdrawnAt: string;
}

export class SupportResponse implements SupportView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Of the working edition: the draft while one is written, else the one in force' })
  title: string;
  @ApiProperty() summary: string;
  @ApiProperty() areaCode: string;
  @ApiProperty({ enum: SECTORS, description: 'The sector of the area' }) sector: Sector;
  @ApiProperty({ nullable: true, type: String, description: 'A code of GET /product-types' })
  productType: string | null;
  @ApiProperty({ type: [String], description: 'Codes of GET /target-groups' }) targetGroups: string[];
  @ApiProperty({ type: AudienceResponse }) audience: AudienceResponse;
  @ApiProperty({ format: 'uuid', description: 'The agency that drafted the support and alone may publish it' })
  leadAgencyId: string;
  @ApiProperty({ type: [String], format: 'uuid' }) coProducerIds: string[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'Needs the support answers' }) needIds: string[];
  @ApiProperty({ enum: SUPPORT_STATUSES }) status: SupportStatus;
  @ApiProperty({ description: 'The edition of the working content (1.0 before the first publication)' })
  edition: string;
  @ApiProperty({ nullable: true, type: String, description: 'The edition in force; null until published' })
  inForceEdition: string | null;
  @ApiProperty({ type: RevisionResponse, nullable: true }) revision: RevisionResponse | null;
  @ApiProperty({ type: WithdrawalResponse, nullable: true }) withdrawal: WithdrawalResponse | null;
  @ApiProperty({ format: 'date', nullable: true, type: String }) plannedReleaseDate: string | null;
  @ApiProperty({ format: 'date-time' }) draftedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When 1.0 was published' })
  publishedAt: string | null;
  @ApiProperty({ description: 'Aggregate version, one more for each step; also the ETag' }) version: number;
}

export class EditionResponse implements EditionView {
  @ApiProperty() edition: string;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty({ nullable: true, type: String }) productType: string | null;
  @ApiProperty({ type: [String] }) targetGroups: string[];
  @ApiProperty({ type: AudienceResponse }) audience: AudienceResponse;
  @ApiProperty({ enum: REVISION_CHANGES, nullable: true, type: String }) change: RevisionChange | null;
  @ApiProperty({ nullable: true, type: String }) changeNote: string | null;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
}

export class RegionalAdditionResponse implements RegionalAdditionView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) supportId: string;
  @ApiProperty({ format: 'uuid' }) regionId: string;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty({ format: 'uri', nullable: true, type: String }) url: string | null;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
}

export class SupportDetailResponse extends SupportResponse implements SupportDetailView {
  @ApiProperty({ type: EditionResponse, nullable: true, description: 'The edition in force, as published' })
  inForce: EditionResponse | null;
  @ApiProperty({ type: [RegionalAdditionResponse] }) regionalAdditions: RegionalAdditionResponse[];
}

export class SupportPageResponse {
  @ApiProperty({ type: [SupportResponse] }) items: SupportResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class EditionListResponse {
  @ApiProperty({ type: [EditionResponse] }) items: EditionResponse[];
}

export class HistoryStepResponse implements HistoryStepView {
  @ApiProperty({ example: 'support.rescheduled' }) step: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) organisationId: string | null;
  @ApiProperty({ nullable: true, type: String }) userId: string | null;
  @ApiProperty({ nullable: true, type: String }) edition: string | null;
  @ApiProperty({ nullable: true, type: String }) reason: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
}

export class HistoryResponse {
  @ApiProperty({ type: [HistoryStepResponse] }) items: HistoryStepResponse[];
}

export class RegionalAdditionPageResponse {
  @ApiProperty({ type: [RegionalAdditionResponse] }) items: RegionalAdditionResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
