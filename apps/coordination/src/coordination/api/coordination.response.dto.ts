import { ApiProperty } from '@nestjs/swagger';
import { OVERLAP_KINDS, OVERLAP_RESOLUTIONS } from '@styrkedjan/contracts';
import { OVERLAP_STATUSES } from '../domain/overlap';

class ReasonResponse {
  @ApiProperty({ maxLength: 40 }) code: string;
  @ApiProperty({ maxLength: 300, description: 'In Swedish' }) sv: string;
  @ApiProperty({ maxLength: 300, description: 'In English' }) en: string;
}

class OverlapSupportResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ maxLength: 200 }) title: string;
  @ApiProperty({ format: 'uuid' }) leadAgencyId: string;
}

class OverlapNeedResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The agency the need was assigned to' }) assignedTo: string;
}

class AudienceResponse {
  @ApiProperty({ type: [String], maxItems: 10 }) organisationKinds: string[];
  @ApiProperty({ type: [String], maxItems: 10 }) sectors: string[];
  @ApiProperty({ type: [String], maxItems: 20 }) professions: string[];
}

class CoProducerResponse {
  @ApiProperty({ format: 'uuid' }) supportId: string;
  @ApiProperty({ format: 'uuid' }) organisationId: string;
}

class ResolutionResponse {
  @ApiProperty({ enum: OVERLAP_RESOLUTIONS }) resolution: string;
  @ApiProperty({ maxLength: 2000 }) rationale: string;
  @ApiProperty({ format: 'uuid' }) resolvedBy: string;
  @ApiProperty({ type: CoProducerResponse, nullable: true }) coProducer: CoProducerResponse | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) withdrawSupportId: string | null;
  @ApiProperty({ format: 'date-time' }) resolvedAt: string;
}

export class OverlapResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: OVERLAP_KINDS }) kind: string;
  @ApiProperty({ enum: OVERLAP_STATUSES }) status: string;
  @ApiProperty({ type: OverlapSupportResponse }) support: OverlapSupportResponse;
  @ApiProperty({ type: OverlapSupportResponse, nullable: true }) otherSupport: OverlapSupportResponse | null;
  @ApiProperty({ type: OverlapNeedResponse, nullable: true }) need: OverlapNeedResponse | null;
  @ApiProperty({ type: [String], format: 'uuid', maxItems: 2 }) agencyIds: string[];
  @ApiProperty({ maxLength: 60 }) areaCode: string;
  @ApiProperty({ minimum: 0, maximum: 1 }) score: number;
  @ApiProperty({ type: [ReasonResponse], maxItems: 10 }) reasons: ReasonResponse[];
  @ApiProperty({ type: AudienceResponse }) audience: AudienceResponse;
  @ApiProperty({ format: 'date-time' }) detectedAt: string;
  @ApiProperty({ type: ResolutionResponse, nullable: true }) resolution: ResolutionResponse | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) closedAt: string | null;
}

export class OverlapPageResponse {
  @ApiProperty({ type: [OverlapResponse], maxItems: 200, description: 'Newest first' }) items: OverlapResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

class CalendarWarningResponse {
  @ApiProperty({ enum: ['summer-holiday', 'christmas-holiday'] }) code: string;
  @ApiProperty({ maxLength: 300 }) sv: string;
  @ApiProperty({ maxLength: 300 }) en: string;
  @ApiProperty({ format: 'uuid' }) supportId: string;
  @ApiProperty({ maxLength: 200 }) title: string;
  @ApiProperty({ format: 'date' }) day: string;
}

class CalendarCellResponse {
  @ApiProperty({ maxLength: 200, example: 'municipality:social' }) audience: string;
  @ApiProperty({ maxLength: 40 }) organisationKind: string;
  @ApiProperty({ maxLength: 40 }) sector: string;
  @ApiProperty({ maxLength: 100, nullable: true, type: String }) profession: string | null;
  @ApiProperty() releases: number;
  @ApiProperty() consultationsClosing: number;
  @ApiProperty() load: number;
  @ApiProperty({
    type: [CalendarWarningResponse],
    maxItems: 10000,
    description: 'Municipal releases in July or around Christmas',
  })
  warnings: CalendarWarningResponse[];
  @ApiProperty({ type: [String], format: 'uuid', maxItems: 1000 }) collisionIds: string[];
}

class CalendarWeekResponse {
  @ApiProperty({ maxLength: 8, example: '2027-W10' }) week: string;
  @ApiProperty({ format: 'date' }) start: string;
  @ApiProperty({ type: [CalendarCellResponse], maxItems: 10000 }) audiences: CalendarCellResponse[];
}

class CollisionResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ maxLength: 200 }) audience: string;
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ type: [String], format: 'uuid', maxItems: 500 }) supportIds: string[];
  @ApiProperty({ type: [String], format: 'uuid', maxItems: 500 }) leadAgencyIds: string[];
  @ApiProperty({ format: 'date-time' }) detectedAt: string;
}

class CollisionRuleResponse {
  @ApiProperty() limit: number;
  @ApiProperty() windowWeeks: number;
}

export class CalendarResponse {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty({ type: [CalendarWeekResponse], maxItems: 106 }) weeks: CalendarWeekResponse[];
  @ApiProperty({ type: [CollisionResponse], maxItems: 10000 }) collisions: CollisionResponse[];
  @ApiProperty({ type: CollisionRuleResponse }) rule: CollisionRuleResponse;
}
