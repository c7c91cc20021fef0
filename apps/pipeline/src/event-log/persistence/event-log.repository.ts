import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import type { AnyEvent, EventEnvelope } from '@styrkedjan/contracts';

export interface EventLogFilter {
  after: number;
  limit: number;
  type?: string;
  aggregateId?: string;
}

export type LoggedEvent = { position: number } & EventEnvelope;

export interface EventLogPage {
  items: LoggedEvent[];
  /** The position to ask for next (`after=`); null when this page was not full, i.e. the reader is caught up. */
  nextAfter: number | null;
}

/** The audit trail: every event the pipeline consumed, append-only, in one global order. */
@Injectable()
export class EventLogRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Appends the events at the next positions, in the order given, inside the consuming transaction; returns
   * the last position.
   *
   * Why a counter row and not a sequence: a sequence hands out numbers at once, but transactions commit in
   * any order, so a reader paging with `after=` could see 11 committed while 10 is still in flight, move
   * past it and never see it. Taking the positions from one row with UPDATE holds that row's lock until
   * commit, so the next transaction gets its positions only after this one is visible (or rolled back,
   * giving the numbers back): positions become visible strictly in order and without gaps. The price is that
   * appends are serialised for the few milliseconds a consuming transaction lasts; the consumer pays it once
   * per batch of waiting events rather than once per event (see ConsumerHost's batches). Because this is
   * the consumer's first write, the read-model updates after it are serialised too and need no row locks.
   */
  async append(manager: EntityManager, events: readonly AnyEvent[]): Promise<number> {
    const rows: { position: string }[] = await manager.query(
      `WITH head AS (UPDATE event_log_head SET position = position + $2 RETURNING position)
       INSERT INTO event_log (position, event_id, type, aggregate_type, aggregate_id, occurred_at, envelope)
       SELECT head.position - $2 + e.n, (e.doc->>'id')::uuid, e.doc->>'type', e.doc->'aggregate'->>'type',
              e.doc->'aggregate'->>'id', (e.doc->>'occurredAt')::timestamptz, e.doc
       FROM head, jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(doc, n)
       RETURNING position`,
      [JSON.stringify(events), events.length],
    );
    return Math.max(...rows.map((row) => Number(row.position)));
  }

  /** Events after a position, oldest first; the index matching the filter keeps each page a short range scan. */
  async list(filter: EventLogFilter): Promise<EventLogPage> {
    const params: unknown[] = [filter.after];
    const conditions = ['position > $1'];
    if (filter.type !== undefined) conditions.push(`type = $${params.push(filter.type)}`);
    if (filter.aggregateId !== undefined) conditions.push(`aggregate_id = $${params.push(filter.aggregateId)}`);
    const rows: { position: string; envelope: EventEnvelope }[] = await this.dataSource.query(
      `SELECT position, envelope FROM event_log WHERE ${conditions.join(' AND ')} ORDER BY position LIMIT $${params.push(filter.limit)}`,
      params,
    );
    const items = rows.map((row) => loggedEvent(Number(row.position), row.envelope));
    return { items, nextAfter: items.length === filter.limit ? items[items.length - 1].position : null };
  }
}

/** jsonb keeps keys in its own order; readers of an audit trail deserve the envelope's. */
function loggedEvent(position: number, e: EventEnvelope): LoggedEvent {
  return {
    position,
    id: e.id,
    type: e.type,
    version: e.version,
    occurredAt: e.occurredAt,
    producer: e.producer,
    actor: { organisationId: e.actor.organisationId, userId: e.actor.userId, method: e.actor.method },
    correlationId: e.correlationId,
    causationId: e.causationId,
    aggregate: { type: e.aggregate.type, id: e.aggregate.id, version: e.aggregate.version },
    payload: e.payload,
  };
}

/** An event as a replay reads it: only what read models fold, without the long free-text fields. */
export interface LogRecord {
  position: number;
  type: string;
  aggregate: EventEnvelope['aggregate'];
  payload: Record<string, unknown>;
}

/**
 * Reads the whole log in position order, a batch at a time, keyset on position so every batch is an
 * index range scan however deep into the log it is. The next batch is asked for before this one is
 * handed out, so the database reads while the caller folds. Runs on the caller's manager (the replay's transaction).
 */
export async function* readEventLog(manager: EntityManager, batchSize: number): AsyncGenerator<LogRecord[]> {
  const fetch = async (after: number): Promise<LogRecord[]> => {
    const rows: { position: string; type: string; aggregate: LogRecord['aggregate']; payload: LogRecord['payload'] }[] =
      await manager.query(
        `SELECT position, type, envelope->'aggregate' AS aggregate,
              (envelope->'payload') - '{description,summary,comment}'::text[] AS payload
       FROM event_log WHERE position > $1 ORDER BY position LIMIT $2`,
        [after, batchSize],
      );
    return rows.map((row) => ({
      position: Number(row.position),
      type: row.type,
      aggregate: row.aggregate,
      payload: row.payload,
    }));
  };
  let next = fetch(0);
  for (;;) {
    const batch = await next;
    const full = batch.length === batchSize;
    if (full) {
      next = fetch(batch[batch.length - 1].position);
      // Handled here too, so a caller that stops early cannot leave an unhandled rejection behind.
      next.catch(() => undefined);
    }
    if (batch.length > 0) yield batch;
    if (!full) return;
  }
}
