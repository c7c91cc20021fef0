import { ApiProperty } from '@nestjs/swagger';
import { ORGANISATION_KINDS, OrganisationKind, SECTORS, Sector } from '@styrkedjan/contracts';
import { OrganisationView, RegionRef } from '../views/organisation.view';

class RegionRefResponse implements RegionRef {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '14' }) code: string;
  @ApiProperty({ example: 'Västra Götalandsregionen' }) name: string;
}

export class OrganisationResponse implements OrganisationView {
  @ApiProperty({ format: 'uuid', description: 'Derived from kind and code: the same on every installation' })
  id: string;
  @ApiProperty({ example: '1480', description: 'SCB code for regions and municipalities, a short code for others' })
  code: string;
  @ApiProperty({ example: 'Göteborg' }) name: string;
  @ApiProperty({ nullable: true, type: String }) nameEn: string | null;
  @ApiProperty({ enum: ORGANISATION_KINDS }) kind: OrganisationKind;
  @ApiProperty({ enum: SECTORS, isArray: true }) sectors: Sector[];
  @ApiProperty({ nullable: true, type: String, example: '14', description: 'For regions and municipalities' })
  countyCode: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Västra', description: 'The sjukvårdsregion, for regions' })
  healthcareRegion: string | null;
  @ApiProperty({ nullable: true, type: RegionRefResponse, description: "A municipality's region" })
  region: RegionRefResponse | null;
}

export class OrganisationPageResponse {
  @ApiProperty({ type: [OrganisationResponse] }) items: OrganisationResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
