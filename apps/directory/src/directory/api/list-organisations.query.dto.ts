import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { ORGANISATION_KINDS, OrganisationKind, SECTORS, Sector } from '@styrkedjan/contracts';
import { PageQuery } from '@styrkedjan/platform';

export class ListOrganisationsQueryParams extends PageQuery {
  @ApiPropertyOptional({ enum: ORGANISATION_KINDS })
  @IsOptional()
  @IsIn(ORGANISATION_KINDS)
  kind?: OrganisationKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only the municipalities of this region' })
  @IsOptional()
  @IsUUID()
  regionId?: string;

  @ApiPropertyOptional({ enum: SECTORS, description: 'Only organisations acting in this sector' })
  @IsOptional()
  @IsIn(SECTORS)
  sector?: Sector;

  @ApiPropertyOptional({ maxLength: 100, example: 'göteborg', description: 'Part of the name or code, any case' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
