import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { SECTORS, Sector } from '@styrkedjan/contracts';

/** `?sector=`: the part of a vocabulary a sector uses. */
export class SectorFilterQueryParams {
  @ApiPropertyOptional({ enum: SECTORS })
  @IsOptional()
  @IsIn(SECTORS)
  sector?: Sector;
}
