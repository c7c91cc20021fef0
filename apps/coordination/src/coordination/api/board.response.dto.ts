import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';

const uuid = { format: 'uuid' } as const;
const uuids: ApiPropertyOptions = { type: [String], format: 'uuid', maxItems: 500 };
const nullableUuid = { format: 'uuid', nullable: true, type: String } as const;
const text = (maxLength: number) => ({ maxLength }) as const;

class OpenOverlapItem {
  @ApiProperty(uuid) overlapId: string;
  @ApiProperty({ enum: ['support', 'need'] }) kind: string;
  @ApiProperty(uuid) supportId: string;
  @ApiProperty(text(200)) supportTitle: string;
  @ApiProperty(uuid) leadAgencyId: string;
  @ApiProperty(nullableUuid) otherSupportId: string | null;
  @ApiProperty({ maxLength: 200, nullable: true, type: String }) otherSupportTitle: string | null;
  @ApiProperty(uuid) otherLeadAgencyId: string;
  @ApiProperty(nullableUuid) needId: string | null;
  @ApiProperty(text(60)) areaCode: string;
  @ApiProperty({ minimum: 0, maximum: 1 }) score: number;
  @ApiProperty({ format: 'date-time' }) detectedAt: string;
  @ApiProperty({ description: 'Whole days it has been open' }) ageDays: number;
}

class OpenCollisionItem {
  @ApiProperty(uuid) collisionId: string;
  @ApiProperty(text(200)) audience: string;
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ format: 'date' }) to: string;
  @ApiProperty() supportCount: number;
  @ApiProperty(uuids) supportIds: string[];
  @ApiProperty(uuids) leadAgencyIds: string[];
  @ApiProperty({ format: 'date-time' }) detectedAt: string;
  @ApiProperty({ description: 'Whole days it has been open' }) ageDays: number;
}

class ContestedNeedItem {
  @ApiProperty(uuid) needId: string;
  @ApiProperty(nullableUuid) assignedTo: string | null;
  @ApiProperty(uuids) agencyIds: string[];
  @ApiProperty(uuids) supportIds: string[];
}

class SupportsByAreaItem {
  @ApiProperty(text(60)) areaCode: string;
  @ApiProperty(uuid) leadAgencyId: string;
  @ApiProperty() drafts: number;
  @ApiProperty() published: number;
}

class ResolvedOverlapItem {
  @ApiProperty(uuid) overlapId: string;
  @ApiProperty(uuid) supportId: string;
  @ApiProperty(text(200)) supportTitle: string;
  @ApiProperty(nullableUuid) otherSupportId: string | null;
  @ApiProperty({ maxLength: 200, nullable: true, type: String }) otherSupportTitle: string | null;
  @ApiProperty(nullableUuid) needId: string | null;
  @ApiProperty({ enum: ['coordinate', 'distinct', 'merge'] }) resolution: string;
  @ApiProperty(text(2000)) rationale: string;
  @ApiProperty(uuid) resolvedBy: string;
  @ApiProperty({ format: 'date-time' }) resolvedAt: string;
}

const cursor = { nullable: true, type: String } as const;

class OpenOverlapsPage {
  @ApiProperty({ type: [OpenOverlapItem], maxItems: 200 }) items: OpenOverlapItem[];
  @ApiProperty(cursor) nextCursor: string | null;
}
class OpenCollisionsPage {
  @ApiProperty({ type: [OpenCollisionItem], maxItems: 200 }) items: OpenCollisionItem[];
  @ApiProperty(cursor) nextCursor: string | null;
}
class ContestedNeedsPage {
  @ApiProperty({ type: [ContestedNeedItem], maxItems: 200 }) items: ContestedNeedItem[];
  @ApiProperty(cursor) nextCursor: string | null;
}
class SupportsByAreaPage {
  @ApiProperty({ type: [SupportsByAreaItem], maxItems: 200 }) items: SupportsByAreaItem[];
  @ApiProperty(cursor) nextCursor: string | null;
}
class ResolvedOverlapsPage {
  @ApiProperty({ type: [ResolvedOverlapItem], maxItems: 200 }) items: ResolvedOverlapItem[];
  @ApiProperty(cursor) nextCursor: string | null;
}

export class BoardResponse {
  @ApiProperty({ type: OpenOverlapsPage, description: 'Oldest first' }) 'open-overlaps': OpenOverlapsPage;
  @ApiProperty({ type: OpenCollisionsPage, description: 'Oldest first' }) 'open-collisions': OpenCollisionsPage;
  @ApiProperty({ type: ContestedNeedsPage, description: 'Needs answered by, or assigned to, more than one agency' })
  'contested-needs': ContestedNeedsPage;
  @ApiProperty({ type: SupportsByAreaPage }) 'supports-by-area': SupportsByAreaPage;
  @ApiProperty({ type: ResolvedOverlapsPage, description: 'Newest first, with the rationale' })
  'recently-resolved': ResolvedOverlapsPage;
}
