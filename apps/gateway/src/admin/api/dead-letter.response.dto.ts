import { ApiProperty } from '@nestjs/swagger';
import { CONSUMER_NAMES, ConsumerName } from '@styrkedjan/contracts';
import type { DeadLetter } from '@styrkedjan/messaging';

export class DeadLetterResponse implements DeadLetter {
  @ApiProperty({ description: '`<consumer>:<job id>`; pass it to retry' }) id: string;
  @ApiProperty({ enum: CONSUMER_NAMES }) consumer: ConsumerName;
  @ApiProperty({ format: 'uuid' }) eventId: string;
  @ApiProperty({ example: 'support.published' }) eventType: string;
  @ApiProperty() attemptsMade: number;
  @ApiProperty({ description: 'The error of the last attempt' }) failedReason: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) failedAt: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'The event envelope as it was delivered' })
  event: unknown;
}

export class DeadLetterListResponse {
  @ApiProperty({ type: [DeadLetterResponse] }) items: DeadLetterResponse[];
}

export class RetriedDeadLetterResponse {
  @ApiProperty({ type: DeadLetterResponse, description: 'The dead letter as it was before it went back on its queue' })
  retried: DeadLetterResponse;
}
