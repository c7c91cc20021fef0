import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AnyEvent, ConsumerName, SUBSCRIPTIONS } from '@styrkedjan/contracts';
import { PLATFORM_CONFIG, PlatformConfig } from '@styrkedjan/platform';

/**
 * Where a reader is in an outbox, in the order rows were published: `<published_at in µs since the
 * epoch>:<position>`. Opaque to consumers; they hand back what they were given.
 */
export type OutboxCursor = string;
export const OUTBOX_START: OutboxCursor = '0:0';
export const OUTBOX_CURSOR_PATTERN = /^\d{1,19}:\d{1,19}$/;

/** One page of what a producer published for a consumer: ids only, since a consumer has almost all of them. */
export interface PublishedPage {
  items: { eventId: string; cursor: OutboxCursor }[];
  /** Rows published before this (µs since the epoch) may have been pruned (OUTBOX_RETENTION_HOURS). */
  retainedFrom: string;
}

/**
 * The producer's record of what it published, read for consumers that reconcile against it (through
 * OutboxFeedController, never by reading this schema from another service).
 */
@Injectable()
export class OutboxFeed {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  /**
   * Events of the types the consumer subscribes to, published after the cursor and at least `olderThanMs`
   * ago, in publishing order. The relay marks a row published just before it commits, so a row older
   * than a moment is visible: a reader never finds one appear behind a cursor it has passed.
   */
  async published(
    consumer: ConsumerName,
    after: OutboxCursor,
    limit: number,
    olderThanMs: number,
  ): Promise<PublishedPage> {
    const [afterMicros, afterPosition] = after.split(':');
    const items: PublishedPage['items'] = await this.dataSource.query(
      `SELECT event_id AS "eventId",
              (extract(epoch FROM published_at) * 1000000)::bigint || ':' || position AS cursor
         FROM outbox
        WHERE published_at IS NOT NULL
          AND (published_at, position) > (timestamptz 'epoch' + $1::bigint * interval '1 microsecond', $2::bigint)
          AND published_at < clock_timestamp() - $3::bigint * interval '1 millisecond'
          AND type = ANY($4::text[])
        ORDER BY published_at, position
        LIMIT $5`,
      [afterMicros, afterPosition, olderThanMs, SUBSCRIPTIONS[consumer], limit],
    );
    const [{ retainedFrom }]: { retainedFrom: string }[] = await this.dataSource.query(
      `SELECT (extract(epoch FROM now() - make_interval(hours => $1)) * 1000000)::bigint::text AS "retainedFrom"`,
      [this.config.OUTBOX_RETENTION_HOURS],
    );
    return { items, retainedFrom };
  }

  /** The envelopes of these events, as far as the outbox still holds them. */
  async events(ids: readonly string[]): Promise<AnyEvent[]> {
    const rows: { envelope: AnyEvent }[] = await this.dataSource.query(
      'SELECT envelope FROM outbox WHERE event_id = ANY($1::uuid[]) ORDER BY position',
      [ids],
    );
    return rows.map((row) => row.envelope);
  }
}
