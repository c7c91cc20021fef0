import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '@styrkedjan/platform';
import { OVERLAP_STATUSES, OverlapStatus } from '../domain/overlap';

export class ListOverlapsQueryParams extends PageQuery {
  @ApiPropertyOptional({ enum: OVERLAP_STATUSES })
  @IsOptional()
  @IsIn(OVERLAP_STATUSES)
  status?: OverlapStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only overlaps this agency is party to' })
  @IsOptional()
  @IsUUID()
  agencyId?: string;
}
