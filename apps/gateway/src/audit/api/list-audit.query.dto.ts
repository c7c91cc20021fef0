import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '@styrkedjan/platform';
import { SECURITY_EVENT_TYPES, SecurityEventType } from '../persistence/security-log';

export class ListAuditQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SECURITY_EVENT_TYPES })
  @IsOptional()
  @IsIn(SECURITY_EVENT_TYPES)
  type?: SecurityEventType;

  @ApiPropertyOptional({ format: 'uuid', description: 'Events whose actor acted for this organisation' })
  @IsOptional()
  @IsUUID()
  organisationId?: string;
}
