import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { decodeTimeIdCursor, toPage } from '@styrkedjan/platform';
import { Requires } from '../../auth/requires.decorator';
import { SecurityLog } from '../persistence/security-log';
import { AuditListResponse } from './security-event.response.dto';
import { ListAuditQuery } from './list-audit.query.dto';

/** The security side of the audit trail; what was done (the domain events, with their actors) is GET /events. */
@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly log: SecurityLog) {}

  @Get()
  @Requires('audit.read')
  @ApiOperation({
    summary: 'Security events, newest first: refused credentials, denied actions, API keys issued and revoked',
  })
  @ApiOkResponse({ type: AuditListResponse })
  async list(@Query() query: ListAuditQuery): Promise<AuditListResponse> {
    const rows = await this.log.list({
      type: query.type,
      organisationId: query.organisationId,
      before: decodeTimeIdCursor(query.cursor),
      limit: query.limit,
    });
    return toPage(
      rows,
      query.limit,
      (row) => row,
      (row) => [row.occurredAt, row.id],
    );
  }
}
