import { Controller, Query, Req } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { decide, ENDPOINTS, scopeOf } from '@styrkedjan/access';
import { decodeTimeIdCursor, Endpoint, NotPermitted, toPage } from '@styrkedjan/platform';
import { Caller, principalOf } from '../../auth/principal';
import { SecurityEvent, SecurityLog } from '../persistence/security-log';
import { AuditListResponse } from './security-event.response.dto';
import { ListAuditQuery } from './list-audit.query.dto';

/**
 * The security side of the audit trail; what was done (the domain events, with their actors) is GET /events.
 * An organisation's administrator reads its own organisation's events only (asking for another's is a denial); a
 * steering group reads everyone's without the addresses, which it has no use for and which are personal data.
 */
@ApiTags('audit')
@Controller()
export class AuditController {
  constructor(private readonly log: SecurityLog) {}

  @Endpoint(ENDPOINTS.gateway.listAuditEvents)
  @ApiOkResponse({ type: AuditListResponse })
  async list(@Req() request: FastifyRequest, @Query() query: ListAuditQuery): Promise<AuditListResponse> {
    const caller = principalOf(request)!;
    const organisationId = await this.organisationFilter(request, caller, query.organisationId);
    const rows = await this.log.list({
      type: query.type,
      organisationId,
      before: decodeTimeIdCursor(query.cursor),
      limit: query.limit,
    });
    return toPage(
      rows,
      query.limit,
      (row) => withAddressFor(caller, row),
      (row) => [row.occurredAt, row.id],
    );
  }

  /** The organisation the list is narrowed to: the one asked for, and for a caller of `own` scope its own only. */
  private async organisationFilter(
    request: FastifyRequest,
    caller: Caller,
    asked: string | undefined,
  ): Promise<string | undefined> {
    if (scopeOf(caller, 'audit.read') === 'any') return asked;
    const decision = decide(caller, 'audit.read', { organisationId: asked ?? caller.organisationId });
    if (!decision.allowed) {
      await this.log.record('access.denied', request, {
        action: 'audit.read',
        reason: decision.reason,
        roles: caller.roles,
      });
      throw new NotPermitted(decision.detail);
    }
    return caller.organisationId;
  }
}

/**
 * The caller's address is shown to the platform's operators, and to an organisation's administrator on its own
 * organisation's events; everyone else reading the log (steering groups) gets the event without it.
 */
function withAddressFor(caller: Caller, event: SecurityEvent): SecurityEvent {
  const operator = caller.roles.includes('platform_operator');
  const ownAdmin =
    caller.roles.includes('organisation_admin') &&
    event.actor.organisationId?.toLowerCase() === caller.organisationId.toLowerCase();
  return operator || ownAdmin ? event : { ...event, ip: null };
}
