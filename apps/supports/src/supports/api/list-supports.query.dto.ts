import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '@styrkedjan/platform';
import { SUPPORT_STATUSES, SupportStatus } from '../domain/support';
import { IsCalendarDate } from './calendar-date';

export class ListSupportsQueryParams extends PageQuery {
  @ApiPropertyOptional({ enum: SUPPORT_STATUSES })
  @IsOptional()
  @IsIn(SUPPORT_STATUSES)
  status?: SupportStatus;

  @ApiPropertyOptional({ maxLength: 60 })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  areaCode?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  leadAgencyId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Planned release on or after this day' })
  @IsOptional()
  @IsCalendarDate()
  plannedFrom?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Planned release on or before this day' })
  @IsOptional()
  @IsCalendarDate()
  plannedTo?: string;
}
