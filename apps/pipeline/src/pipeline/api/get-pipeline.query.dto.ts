import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { SECTORS, Sector } from '@styrkedjan/contracts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '@styrkedjan/platform';

export class GetPipelineQueryParams {
  @ApiPropertyOptional({ maxLength: 60, example: 'health.primary-care', description: 'Only this area (a code from GET /areas)' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(60)
  areaCode?: string;

  @ApiPropertyOptional({ enum: SECTORS, description: 'Only this sector' })
  @IsOptional()
  @IsIn(SECTORS)
  sector?: Sector;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, description: 'Page size of each list' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit: number = DEFAULT_PAGE_SIZE;

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
