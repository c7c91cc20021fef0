import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '@styrkedjan/platform';
import { BOARD_LISTS, BoardList } from '../domain/board';

export class BoardQueryParams extends PageQuery {
  @ApiPropertyOptional({ enum: BOARD_LISTS, description: 'One list, for its further pages or as CSV' })
  @IsOptional()
  @IsIn(BOARD_LISTS)
  list?: BoardList;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only what this agency is party to or leads' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;
}
