import { ApiProperty } from '@nestjs/swagger';
import { SECTORS, Sector } from '@styrkedjan/contracts';
import { SUPPORT_STATUSES, SupportStatus } from '../domain/support';
import { SupportView } from '../views/support.view';

export class SupportResponse implements SupportView {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty() areaCode: string;
  @ApiProperty({ enum: SECTORS, description: 'The sector of the area' }) sector: Sector;
  @ApiProperty({ format: 'uuid', description: 'The agency that drafted the support and alone may publish it' })
  leadAgencyId: string;
  @ApiProperty({ type: [String], format: 'uuid' }) coProducerIds: string[];
  @ApiProperty({ type: [String], format: 'uuid', description: 'Needs the support answers' }) needIds: string[];
  @ApiProperty({ enum: SUPPORT_STATUSES }) status: SupportStatus;
  @ApiProperty({ format: 'date', nullable: true, type: String }) plannedReleaseDate: string | null;
  @ApiProperty({ format: 'date-time' }) draftedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) publishedAt: string | null;
  @ApiProperty({ description: 'Aggregate version: 1 when drafted, 2 when published' }) version: number;
}

export class SupportPageResponse {
  @ApiProperty({ type: [SupportResponse] }) items: SupportResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
