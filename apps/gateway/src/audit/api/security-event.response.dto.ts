import { ApiProperty } from '@nestjs/swagger';
import { SECURITY_EVENT_TYPES, SecurityEvent, SecurityEventType } from '../persistence/security-log';

class SecurityActorResponse {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) organisationId: string | null;
  @ApiProperty({ nullable: true, type: String }) userId: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'jwt' }) method: string | null;
}

export class SecurityEventResponse implements SecurityEvent {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SECURITY_EVENT_TYPES }) type: SecurityEventType;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({
    type: SecurityActorResponse,
    description: 'As far as it was established (nothing for a refused credential)',
  })
  actor: SecurityActorResponse;
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      "The caller's address: for platform operators, and for an administrator on its own organisation's events",
  })
  ip: string | null;
  @ApiProperty({ example: 'POST /needs' }) request: string;
  @ApiProperty({ nullable: true, type: String }) correlationId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { reason: 'token_expired' } }) detail: Record<
    string,
    unknown
  >;
}

export class AuditListResponse {
  @ApiProperty({ type: [SecurityEventResponse] }) items: SecurityEventResponse[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
