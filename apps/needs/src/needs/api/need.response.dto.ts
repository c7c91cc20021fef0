import { ApiProperty } from '@nestjs/swagger';
import { SECTORS, Sector } from '@styrkedjan/contracts';
import { NeedStage, SupportStatus } from '../domain/need';
import { NeedView } from '../views/need.view';

class AddressingSupportResponse {
  @ApiProperty({ format: 'uuid' }) supportId: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ['draft', 'published'] }) status: SupportStatus;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) draftedAt: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) publishedAt: string | null;
}

export class NeedResponse implements NeedView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid', description: 'The organisation that identified the need' }) organisationId: string;
  @ApiProperty() title: string;
  @ApiProperty() description: string;
  @ApiProperty() areaCode: string;
  @ApiProperty({ enum: SECTORS }) sector: Sector;
  @ApiProperty() targetGroup: string;
  @ApiProperty({ enum: ['identified', 'addressed_by_draft', 'addressed'] }) stage: NeedStage;
  @ApiProperty({ format: 'date-time' }) identifiedAt: string;
  @ApiProperty({ type: [AddressingSupportResponse] }) addressedBy: AddressingSupportResponse[];
}

export class NeedPageResponse {
  @ApiProperty({ type: [NeedResponse] }) items: NeedResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
