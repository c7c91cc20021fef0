import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { EVENT_TYPES, EventType } from '@styrkedjan/contracts';

export const MAX_EVENTS_PAGE = 1000;

export class ListEventsQueryParams {
  @ApiPropertyOptional({
    minimum: 0,
    default: 0,
    description: 'Position of the last event already read: `nextAfter` of the previous page',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  after: number = 0;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_EVENTS_PAGE, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_EVENTS_PAGE)
  limit: number = 100;

  @ApiPropertyOptional({ enum: EVENT_TYPES, description: 'Only events of this type' })
  @IsOptional()
  @IsIn(EVENT_TYPES)
  type?: EventType;

  @ApiPropertyOptional({
    maxLength: 100,
    description: 'Only events of this aggregate (a need, support, organisation id or area code)',
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  aggregateId?: string;
}
