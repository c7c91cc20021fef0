import type { DataSource } from 'typeorm';
import { AnyEvent } from '@styrkedjan/contracts';

/** NOTIFY channel that wakes a service's relay when its outbox gains rows. */
export function outboxChannel(schema: string): string {
  return `outbox_${schema}`;
}

/** The schema of a service's outbox: the one its database options name, where its connections' search_path points. */
export function outboxSchemaOf(dataSource: DataSource): string {
  const schema = (dataSource.options as { schema?: string }).schema;
  if (!schema) throw new Error("the data source names no schema: an outbox lives in its service's own schema");
  return schema;
}

/** What the append needs of a connection: a transaction's EntityManager, or a plain pg pool for the benchmark. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

/**
 * Appends events to the service's outbox inside the caller's transaction. The NOTIFY is transactional
 * too: PostgreSQL delivers it only when the transaction commits, so a rolled-back change wakes nobody.
 * One statement for both (a data-modifying WITH runs to completion whatever its reader takes): a round
 * trip per write saved, which on the write path is measurable (see the README's benchmark section).
 */
export async function appendToOutbox(manager: Queryable, schema: string, events: readonly AnyEvent[]): Promise<void> {
  if (events.length === 0) return;
  await manager.query(
    `WITH appended AS (
       INSERT INTO outbox (event_id, type, envelope)
       SELECT (e->>'id')::uuid, e->>'type', e FROM jsonb_array_elements($1::jsonb) AS e
       RETURNING 1)
     SELECT pg_notify($2, NULL) FROM (SELECT 1 FROM appended LIMIT 1) AS any_appended`,
    [JSON.stringify(events), outboxChannel(schema)],
  );
}
