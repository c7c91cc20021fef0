import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';
import { SECTORS, Sector } from '@styrkedjan/contracts';
import { PageQuery } from '@styrkedjan/platform';

/** The page size of PageQuery applies to each list; each list has a cursor of its own instead of one. */
export class GetPipelineQueryParams extends OmitType(PageQuery, ['cursor'] as const) {
  @ApiPropertyOptional({
    maxLength: 60,
    example: 'health.primary-care',
    description: 'Only this area (a code from GET /areas)',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  areaCode?: string;

  @ApiPropertyOptional({ enum: SECTORS, description: 'Only this sector' })
  @IsOptional()
  @IsIn(SECTORS)
  sector?: Sector;

  @ApiPropertyOptional({ description: 'needs.nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  needsCursor?: string;

  @ApiPropertyOptional({ description: 'supports.nextCursor of the previous page' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  supportsCursor?: string;
}
