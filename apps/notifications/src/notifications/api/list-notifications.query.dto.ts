import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { PageQuery } from '@styrkedjan/platform';

export class ListNotificationsQueryParams extends PageQuery {
  // Kept a string and checked against the two words: a boolean transform would take 'yes' or '1' silently.
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: only unread; false: only read; absent: all' })
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';
}
