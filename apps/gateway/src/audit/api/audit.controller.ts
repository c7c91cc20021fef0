import { Controller, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ENDPOINTS } from '@styrkedjan/access';
import { decodeTimeIdCursor, Endpoint, toPage } from '@styrkedjan/platform';
import { SecurityLog } from '../persistence/security-log';
import { AuditListResponse } from './security-event.response.dto';
import { ListAuditQuery } from './list-audit.query.dto';

/** The security side of the audit trail; what was done (the domain events, with their actors) is GET /events. */
@ApiTags('audit')
@Controller()
export class AuditController {
  constructor(private readonly log: SecurityLog) {}

  @Endpoint(ENDPOINTS.gateway.listAuditEvents)
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
