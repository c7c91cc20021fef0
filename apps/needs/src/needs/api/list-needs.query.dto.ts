import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '@styrkedjan/platform';
import { NeedStage } from '../domain/need';

export class ListNeedsQueryParams extends PageQuery {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(60)
  areaCode?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;

  @ApiPropertyOptional({ enum: ['identified', 'addressed_by_draft', 'addressed'] })
  @IsOptional()
  @IsIn(['identified', 'addressed_by_draft', 'addressed'])
  stage?: NeedStage;
}
