import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { PageQuery } from '@styrkedjan/platform';
import { IsCalendarDate } from './calendar-date';

export class ListReleasesQueryParams extends PageQuery {
  @ApiPropertyOptional({ format: 'date', description: 'First day of the calendar (inclusive); open when left out' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Last day of the calendar (inclusive); open when left out' })
  @IsOptional()
  @IsCalendarDate()
  to?: string;
}
