import { ApiProperty } from '@nestjs/swagger';
import type { LoggedEvent } from '../persistence/event-log.repository';

class ActorResponse {
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) organisationId: string | null;
  @ApiProperty({ nullable: true, type: String }) userId: string | null;
  @ApiProperty({ example: 'organisation-header' }) method: string;
}

class AggregateResponse {
  @ApiProperty({ example: 'need' }) type: string;
  @ApiProperty() id: string;
  @ApiProperty({ description: 'Version of the aggregate after the event' }) version: number;
}

export class LoggedEventResponse implements LoggedEvent {
  @ApiProperty({ description: 'Global position in the log; positions become visible in order' }) position: number;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'need.identified' }) type: string;
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ example: 'needs' }) producer: string;
  @ApiProperty({ type: ActorResponse }) actor: ActorResponse;
  @ApiProperty() correlationId: string;
  @ApiProperty({ nullable: true, type: String }) causationId: string | null;
  @ApiProperty({ type: AggregateResponse }) aggregate: AggregateResponse;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'As in the event catalogue for the type and version',
  })
  payload: Record<string, unknown>;
}

export class EventLogPageResponse {
  @ApiProperty({ type: [LoggedEventResponse] }) items: LoggedEventResponse[];
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Pass as `after` for the next page; null when the page was not full',
  })
  nextAfter: number | null;
}
