import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { CONSUMER_NAMES, ConsumerName } from '@styrkedjan/contracts';
import { OUTBOX_CURSOR_PATTERN, OUTBOX_START, OutboxCursor } from './outbox-feed';

export const MAX_FEED_PAGE = 10_000;
export const MAX_FEED_EVENTS = 100;

export class PublishedEventsQuery {
  @IsIn(CONSUMER_NAMES)
  consumer!: ConsumerName;

  @IsOptional()
  @Matches(OUTBOX_CURSOR_PATTERN, { message: 'after must be a cursor from a previous page' })
  after: OutboxCursor = OUTBOX_START;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_FEED_PAGE)
  limit: number = 1000;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(3_600_000)
  olderThanMs: number = 0;
}

export class OutboxEventsQuery {
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.split(',') : value))
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_FEED_EVENTS)
  @IsUUID('all', { each: true })
  ids!: string[];
}
